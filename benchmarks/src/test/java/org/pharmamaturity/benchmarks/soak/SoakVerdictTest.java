package org.pharmamaturity.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.benchmarks.pipeline.Percentiles;
import org.pharmamaturity.benchmarks.pipeline.ResourceFigures;

class SoakVerdictTest {

    private static final long MIB = 1024 * 1024;
    /** 1,000 events/s: a lag up to 1,000 counts as none, the ceiling is 30,000. */
    private static final SoakVerdict.LagLimits LIMITS = new SoakVerdict.LagLimits(1_000, 30);

    @Test
    void aSteadySoakPasses() {
        List<SoakSample> samples = new ArrayList<>();
        samples.add(aSample(30).heapMib(900).lag(50_000).build()); // warm-up: not judged for growth or lag
        for (int t = 60; t <= 240; t += 30) {
            samples.add(aSample(t).build());
        }
        SoakVerdict verdict = SoakVerdict.judge(samples, 60, LIMITS);
        assertThat(verdict.checks()).allMatch(SoakVerdict.Check::passed);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.render()).endsWith("verdict: PASS\n");
    }

    @Test
    void growingHeapFails() {
        // 6 samples, thirds of 2: heap {300, 320} median 310 -> {380, 400} median 390; 390 > 310 * 1.2 = 372
        List<SoakSample> samples = new ArrayList<>();
        int[] heap = {300, 320, 340, 360, 380, 400};
        for (int i = 0; i < heap.length; i++) {
            samples.add(aSample(60 + 30 * i).heapMib(heap[i]).build());
        }
        SoakVerdict verdict = SoakVerdict.judge(samples, 0, LIMITS);
        assertThat(failed(verdict)).containsExactly("heap after GC bounded");
        assertThat(verdict.checks().get(0).detail()).contains("310.0 MiB -> 390.0 MiB (+25.8 %)");
        assertThat(verdict.render()).endsWith("verdict: FAIL\n");
    }

    @Test
    void lagAboveTheCeilingFailsEvenWhenFlat() {
        // lag 40,000 throughout: not growing, but above 30 s x 1,000 events/s = 30,000
        List<SoakSample> samples = List.of(aSample(60).lag(40_000).build(), aSample(90).lag(40_000).build(),
                aSample(120).lag(40_000).build());
        assertThat(failed(SoakVerdict.judge(samples, 0, LIMITS))).containsExactly("consumer lag under the ceiling");
    }

    @Test
    void growingLagFails() {
        // thirds of 1: 2,000 -> 9,000, above 2,000 * 1.2 = 2,400 (both above the floor of 1,000)
        List<SoakSample> samples = List.of(aSample(60).lag(2_000).build(), aSample(90).lag(5_000).build(),
                aSample(120).lag(9_000).build());
        assertThat(failed(SoakVerdict.judge(samples, 0, LIMITS))).containsExactly("consumer lag not growing");
    }

    @Test
    void anyErrorOrDeadLetterFails() {
        // errors count from the start: the one non-200 answer is in the warm-up sample
        List<SoakSample> samples = List.of(aSample(30).apiErrors(1).build(), aSample(60).build(), aSample(90).build(),
                aSample(120).producerErrors(2).deadLetters(3).build());
        assertThat(failed(SoakVerdict.judge(samples, 60, LIMITS)))
                .containsExactly("API answers, all 200", "producer errors", "dead letters from good input");
    }

    @Test
    void anUnloadedApiFails() {
        List<SoakSample> samples = List.of(aSample(60).apiAnswers(0).build(), aSample(90).apiAnswers(0).build(),
                aSample(120).apiAnswers(0).build());
        SoakVerdict verdict = SoakVerdict.judge(samples, 0, LIMITS);
        assertThat(failed(verdict)).containsExactly("API answers, all 200");
    }

    @Test
    void tooFewSamplesAfterTheWarmUpFail() {
        List<SoakSample> samples = List.of(aSample(30).build(), aSample(60).build(), aSample(90).build());
        assertThat(failed(SoakVerdict.judge(samples, 60, LIMITS))).containsExactly("samples after the warm-up");
    }

    @Test
    void unreportedRocksDbMemoryFails() {
        List<SoakSample> samples = List.of(aSample(60).build(), aSample(90).rocksBytes(-1).build(),
                aSample(120).build());
        assertThat(failed(SoakVerdict.judge(samples, 0, LIMITS))).containsExactly("RocksDB memory");
    }

    private static List<String> failed(SoakVerdict verdict) {
        return verdict.checks().stream().filter(check -> !check.passed()).map(SoakVerdict.Check::name).toList();
    }

    private static SampleBuilder aSample(double elapsedSeconds) {
        return new SampleBuilder(elapsedSeconds);
    }

    /** A healthy sample: 300 MiB heap, 140 MiB RocksDB, 14 MiB state, lag 200, 1,500 API answers, no error. */
    private static final class SampleBuilder {
        private final double elapsed;
        private long heapMib = 300;
        private long rocksBytes = 140 * MIB;
        private long lag = 200;
        private int apiAnswers = 1_500;
        private long apiErrors;
        private long producerErrors;
        private long deadLetters;

        SampleBuilder(double elapsed) {
            this.elapsed = elapsed;
        }

        SampleBuilder heapMib(long value) {
            heapMib = value;
            return this;
        }

        SampleBuilder rocksBytes(long value) {
            rocksBytes = value;
            return this;
        }

        SampleBuilder lag(long value) {
            lag = value;
            return this;
        }

        SampleBuilder apiAnswers(int value) {
            apiAnswers = value;
            return this;
        }

        SampleBuilder apiErrors(long value) {
            apiErrors = value;
            return this;
        }

        SampleBuilder producerErrors(long value) {
            producerErrors = value;
            return this;
        }

        SampleBuilder deadLetters(long value) {
            deadLetters = value;
            return this;
        }

        SoakSample build() {
            long memtableBytes = rocksBytes < 0 ? -1 : rocksBytes / 2;
            return new SoakSample(elapsed, (long) elapsed * 1_000, 1_000, producerErrors, (long) elapsed * 1_000, 1_000,
                    lag, new ResourceFigures(heapMib * MIB, rocksBytes, memtableBytes, 14 * MIB), apiAnswers,
                    new Percentiles(3, 50), apiErrors, deadLetters);
        }
    }
}

package org.pharmamaturity.benchmarks.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.pharmamaturity.benchmarks.pipeline.ResourceFigures;
import org.pharmamaturity.benchmarks.pipeline.Spread;

/**
 * The soak's verdict: PASS only when every check passes. Over the samples after the warm-up, heap after GC,
 * RocksDB memory, state directory size and consumer lag stay bounded ({@link Boundedness}, 20 % tolerance; lag
 * below one second of input counts as none) and the lag of the last third stays under a ceiling; over the whole
 * soak, no API answer other than 200, no producer error and no dead letter (the simulator sends only good input).
 *
 * @param checks each check with its figures
 */
record SoakVerdict(List<Check> checks) {

    /** Allowed growth from the first third of the samples to the last. */
    static final double TOLERANCE = 0.20;

    /**
     * One check.
     *
     * @param name what is checked
     * @param passed whether it held
     * @param detail the figures it was judged on
     */
    record Check(String name, boolean passed, String detail) {
    }

    /**
     * What the lag is judged against.
     *
     * @param eventsPerSecond the simulator's asked rate: a lag of one second of it counts as none
     * @param maxLagSeconds the last third's lag must stay under this many seconds of input
     */
    record LagLimits(double eventsPerSecond, int maxLagSeconds) {
    }

    /** Judges {@code samples}, in sampling order; those before {@code warmupSeconds} count only for the totals. */
    static SoakVerdict judge(List<SoakSample> samples, double warmupSeconds, LagLimits lagLimits) {
        List<Check> checks = new ArrayList<>();
        List<SoakSample> steady = samples.stream().filter(s -> s.elapsedSeconds() >= warmupSeconds).toList();
        if (steady.size() < 3) {
            checks.add(new Check("samples after the warm-up", false, steady.size()
                    + ", at least 3 needed: run longer, sample more often or shorten the warm-up"));
        } else {
            checks.add(growth("heap after GC", steady, s -> ResourceFigures.mib(s.resources().heapUsedBytes())));
            checks.add(steady.stream().anyMatch(s -> s.resources().rocksMemoryBytes() < 0)
                    ? new Check("RocksDB memory", false, "not reported by the Streams state metrics")
                    : growth("RocksDB memory", steady, s -> ResourceFigures.mib(s.resources().rocksMemoryBytes())));
            checks.add(growth("state directory", steady,
                    s -> ResourceFigures.mib(s.resources().stateDirectoryBytes())));
            checks.add(lagGrowth(steady, lagLimits));
            checks.add(lagCeiling(steady, lagLimits));
        }
        long answers = samples.stream().mapToLong(SoakSample::apiAnswers).sum();
        long apiErrors = samples.stream().mapToLong(SoakSample::apiErrors).sum();
        checks.add(new Check("API answers, all 200", answers > 0 && apiErrors == 0, answers == 0
                ? "no API request was answered (did every enterprise get a result?)"
                : String.format(Locale.ROOT, "%,d answers, %d non-200", answers, apiErrors)));
        SoakSample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        long producerErrors = last == null ? 0 : last.producerErrors();
        long deadLetters = last == null ? 0 : last.deadLetters();
        checks.add(new Check("producer errors", producerErrors == 0, Long.toString(producerErrors)));
        checks.add(new Check("dead letters from good input", deadLetters == 0, Long.toString(deadLetters)));
        return new SoakVerdict(List.copyOf(checks));
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** A line per check, then {@code verdict: PASS} or {@code verdict: FAIL}. */
    String render() {
        StringBuilder out = new StringBuilder();
        checks.forEach(check -> out.append(String.format(Locale.ROOT, "  %-4s %s: %s%n", check.passed() ? "ok" : "FAIL",
                check.name(), check.detail())));
        return out.append("verdict: ").append(passed() ? "PASS" : "FAIL").append('\n').toString();
    }

    private static Check growth(String name, List<SoakSample> steady, ToDoubleFunction<SoakSample> mib) {
        Boundedness judged = Boundedness.of(values(steady, mib), TOLERANCE, 0);
        return new Check(name + " bounded", judged.bounded(), "median of the first third -> last third "
                + judged.render("%.1f MiB"));
    }

    private static Check lagGrowth(List<SoakSample> steady, LagLimits limits) {
        Boundedness judged = Boundedness.of(values(steady, SoakSample::lag), TOLERANCE, limits.eventsPerSecond());
        return new Check("consumer lag not growing", judged.bounded(), String.format(Locale.ROOT,
                "median of the first third -> last third %s; up to %,.0f (a second of input) counts as none",
                judged.render("%,.0f"), limits.eventsPerSecond()));
    }

    private static Check lagCeiling(List<SoakSample> steady, LagLimits limits) {
        List<Double> lastThird = values(steady.subList(steady.size() - steady.size() / 3, steady.size()),
                SoakSample::lag);
        double highest = Spread.of(lastThird).max();
        double ceiling = limits.eventsPerSecond() * limits.maxLagSeconds();
        return new Check("consumer lag under the ceiling", highest <= ceiling, String.format(Locale.ROOT,
                "highest of the last third %,.0f, ceiling %,.0f (%d s of input)", highest, ceiling,
                limits.maxLagSeconds()));
    }

    private static List<Double> values(List<SoakSample> samples, ToDoubleFunction<SoakSample> figure) {
        return samples.stream().map(figure::applyAsDouble).toList();
    }
}

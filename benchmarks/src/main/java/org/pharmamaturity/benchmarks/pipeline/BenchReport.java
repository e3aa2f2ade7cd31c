package org.pharmamaturity.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Renders the runs: one line each, then per label (guarantee, variant, poison) the median (min, max) of every figure. */
final class BenchReport {

    private BenchReport() {
    }

    static String line(TimedRun.Result result) {
        Percentiles latency = result.latenciesMs().isEmpty() ? null : Percentiles.of(result.latenciesMs());
        return String.format(Locale.ROOT, "%s run %d: pipeline %,.0f ev/s (%,d in %.1f s), skeleton %,.0f ev/s, "
                        + "ratio %.3f, plain consumer %,.0f ev/s, ratio %.3f, producer %,.0f ev/s, latency %s, %s, "
                        + "dead letters %d of %d garbage%s",
                result.label(), result.run(), result.pipeline().perSecond(), result.pipeline().records(),
                result.pipeline().seconds(), result.skeleton().perSecond(), result.skeletonRatio(),
                result.ceiling().perSecond(), result.ratio(), result.producer().perSecond(),
                latency == null ? "not measured" : String.format(Locale.ROOT, "p50 %.0f ms p99 %.0f ms",
                        latency.p50(), latency.p99()),
                result.resources().render(), result.deadLetters(), result.garbage(),
                result.deadLettersMatchGarbage() ? "" : " (MISMATCH)");
    }

    static String summary(List<TimedRun.Result> results) {
        Map<String, List<TimedRun.Result>> byGuarantee = new LinkedHashMap<>();
        results.forEach(result -> byGuarantee.computeIfAbsent(result.label(), g -> new ArrayList<>()).add(result));
        StringBuilder out = new StringBuilder("| figure | " + String.join(" | ", byGuarantee.keySet()) + " |\n|---|");
        byGuarantee.keySet().forEach(g -> out.append("---|"));
        out.append('\n');
        row(out, "pipeline, good events/s", byGuarantee, r -> r.pipeline().perSecond(), "%,.0f");
        row(out, "skeleton Kafka Streams application, events/s", byGuarantee, r -> r.skeleton().perSecond(), "%,.0f");
        row(out, "pipeline / skeleton", byGuarantee, TimedRun.Result::skeletonRatio, "%.3f");
        row(out, "plain consumer, events/s", byGuarantee, r -> r.ceiling().perSecond(), "%,.0f");
        row(out, "pipeline / plain consumer", byGuarantee, TimedRun.Result::ratio, "%.3f");
        row(out, "latency p50, ms", byGuarantee, r -> Percentiles.of(r.latenciesMs()).p50(), "%.0f");
        row(out, "latency p99, ms", byGuarantee, r -> Percentiles.of(r.latenciesMs()).p99(), "%.0f");
        row(out, "heap after GC, MiB", byGuarantee, r -> ResourceFigures.mib(r.resources().heapUsedBytes()), "%.0f");
        row(out, "RocksDB memory, MiB", byGuarantee, r -> ResourceFigures.mib(r.resources().rocksMemoryBytes()), "%.1f");
        row(out, "state on disk, MiB", byGuarantee, r -> ResourceFigures.mib(r.resources().stateDirectoryBytes()), "%.1f");
        row(out, "backlog producer, events/s", byGuarantee, r -> r.producer().perSecond(), "%,.0f");
        row(out, "dead letters", byGuarantee, r -> r.deadLetters(), "%,.0f");
        row(out, "garbage sent", byGuarantee, r -> r.garbage(), "%,.0f");
        return out.toString();
    }

    private static void row(StringBuilder out, String figure, Map<String, List<TimedRun.Result>> byGuarantee,
            ToDoubleFunction<TimedRun.Result> value, String format) {
        out.append("| ").append(figure).append(" |");
        byGuarantee.values().forEach(runs -> {
            List<Double> values = runs.stream().map(value::applyAsDouble).filter(v -> !Double.isNaN(v)).toList();
            out.append(' ').append(values.isEmpty() ? "n/a" : Spread.of(values).render(format)).append(" |");
        });
        out.append('\n');
    }
}

package org.pharmamaturity.evaluation.kpi;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/** Deviations per 100 batches, in total and by severity, over the batches of the same window. */
public record DeviationRate(Map<DeviationSeverity, Long> deviations, long batches) {

    public DeviationRate {
        EnumMap<DeviationSeverity, Long> copy = new EnumMap<>(DeviationSeverity.class);
        copy.putAll(deviations);
        deviations = Collections.unmodifiableMap(copy);
        if (batches < 0) {
            throw new IllegalArgumentException("batch count cannot be negative: " + batches);
        }
    }

    /** The rate of {@code deviations} (one severity per deviation) over {@code batches} batches. */
    public static DeviationRate compute(Collection<DeviationSeverity> deviations, long batches) {
        Map<DeviationSeverity, Long> counts = new EnumMap<>(DeviationSeverity.class);
        deviations.forEach(severity -> counts.merge(severity, 1L, Long::sum));
        return new DeviationRate(counts, batches);
    }

    /** Both tallies added. */
    public DeviationRate plus(DeviationRate other) {
        Map<DeviationSeverity, Long> counts = new EnumMap<>(DeviationSeverity.class);
        counts.putAll(deviations);
        other.deviations.forEach((severity, count) -> counts.merge(severity, count, Long::sum));
        return new DeviationRate(counts, batches + other.batches);
    }

    /** All deviations x 100 / batches; empty without batches. */
    public OptionalDouble per100Batches() {
        return per100(deviations.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Deviations of one severity x 100 / batches; empty without batches. */
    public OptionalDouble per100Batches(DeviationSeverity severity) {
        return per100(deviations.getOrDefault(severity, 0L));
    }

    private OptionalDouble per100(long count) {
        return batches == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * count / batches);
    }
}

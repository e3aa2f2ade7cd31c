package org.pharmamaturity.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The 50th and 99th percentiles of a run's latencies (nearest rank); NaN when nothing was measured.
 *
 * @param p50 half the readings were at most this late
 * @param p99 99 % of the readings were at most this late
 */
public record Percentiles(double p50, double p99) {

    /** The percentiles of {@code values}, in any order. */
    public static Percentiles of(List<Double> values) {
        if (values.isEmpty()) {
            return new Percentiles(Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static double rank(List<Double> sorted, double share) {
        return sorted.get((int) Math.ceil(share * sorted.size()) - 1);
    }
}

package org.pharmamaturity.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The median, minimum and maximum of repeated measurements, the way BENCHMARKS.md quotes every figure.
 *
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many measurements
 */
public record Spread(double median, double min, double max, int count) {

    /** The spread of {@code values}; at least one is needed. */
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** {@code median (min, max)} with the given number format, e.g. {@code "%,.0f"}. */
    public String render(String format) {
        return String.format(Locale.ROOT, format + " (" + format + ", " + format + ")", median, min, max);
    }
}

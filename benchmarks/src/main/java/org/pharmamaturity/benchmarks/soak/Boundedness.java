package org.pharmamaturity.benchmarks.soak;

import java.util.List;
import java.util.Locale;

import org.pharmamaturity.benchmarks.pipeline.Spread;

/**
 * Whether a figure sampled over a soak stayed bounded: the median of the last third of the samples is at most
 * {@code 1 + tolerance} times the median of the first third. Medians below {@code floor} count as the floor, so
 * that noise near zero (a lag of a few records) is not read as growth.
 *
 * @param firstThird median of the first third of the samples
 * @param lastThird median of the last third
 * @param bounded whether the last third stayed within the tolerance of the first
 */
record Boundedness(double firstThird, double lastThird, boolean bounded) {

    /** Judges {@code values} in sampling order; at least three are needed, so that each third holds one. */
    static Boundedness of(List<Double> values, double tolerance, double floor) {
        if (values.size() < 3) {
            throw new IllegalArgumentException("growth needs at least 3 samples, not " + values.size());
        }
        int third = values.size() / 3;
        double first = Spread.of(values.subList(0, third)).median();
        double last = Spread.of(values.subList(values.size() - third, values.size())).median();
        return new Boundedness(first, last, Math.max(last, floor) <= Math.max(first, floor) * (1 + tolerance));
    }

    /** {@code first -> last (+x %)} with the given number format for the medians. */
    String render(String format) {
        String change = firstThird == 0 ? (lastThird == 0 ? "+0.0 %" : "from 0")
                : String.format(Locale.ROOT, "%+.1f %%", (lastThird / firstThird - 1) * 100);
        return String.format(Locale.ROOT, format + " -> " + format + " (%s)", firstThird, lastThird, change);
    }
}

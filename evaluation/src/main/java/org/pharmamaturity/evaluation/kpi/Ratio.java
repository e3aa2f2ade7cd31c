package org.pharmamaturity.evaluation.kpi;

import java.util.OptionalDouble;

/**
 * A count ratio kept as its two counts, so that partial results (per equipment, per shipment, per day) add up
 * exactly and the ratio is taken once at the end (never an average of ratios).
 */
public record Ratio(long numerator, long denominator) {

    /** Nothing counted yet. */
    public static final Ratio EMPTY = new Ratio(0, 0);

    public Ratio {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("a ratio counts things: " + numerator + "/" + denominator + " is negative");
        }
    }

    /** numerator / denominator; empty when nothing was expected. */
    public OptionalDouble value() {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }

    /** The counts of both ratios added. */
    public Ratio plus(Ratio other) {
        return new Ratio(numerator + other.numerator, denominator + other.denominator);
    }
}

package org.pharmamaturity.evaluation.kpi;

/** One cold-chain logger reading with the label range of the goods it watches. */
public record ColdChainSample(long timeMs, double temperatureC, double labelMinC, double labelMaxC) {

    /** Outside the label range (the bounds themselves are inside). */
    public boolean outOfRange() {
        return temperatureC < labelMinC || temperatureC > labelMaxC;
    }
}

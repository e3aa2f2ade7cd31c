package org.pharmamaturity.evaluation.kpi;

import java.util.Collection;

/** Batch right-first-time: batches released without a deviation / batches released. */
public final class RightFirstTime {

    private RightFirstTime() {
    }

    /** The contribution of one batch: 1/1 released clean, 0/1 released with a deviation, 0/0 not released. */
    public static Ratio of(BatchOutcome batch) {
        if (!batch.released()) {
            return Ratio.EMPTY;
        }
        return new Ratio(batch.deviationRaised() ? 0 : 1, 1);
    }

    /** Right-first-time over {@code batches}; empty when none was released. */
    public static Ratio compute(Collection<BatchOutcome> batches) {
        return batches.stream().map(RightFirstTime::of).reduce(Ratio.EMPTY, Ratio::plus);
    }
}

package org.pharmamaturity.evaluation.kpi;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Electronic batch record coverage (domain.md 7.3 C1): batches with at least 95% of their record steps entered
 * electronically / batches whose share is known. Coverage is the share of batches whose share is known.
 */
public record ElectronicRecordCoverage(long batches, long batchesWithShare, long electronicBatches) {

    /** The share of record steps from which a batch counts as electronically recorded. */
    public static final double ELECTRONIC_SHARE = 0.95;

    /** Nothing counted. */
    public static final ElectronicRecordCoverage NONE = new ElectronicRecordCoverage(0, 0, 0);

    /** The contribution of one batch. */
    public static ElectronicRecordCoverage of(BatchOutcome batch) {
        Double share = batch.electronicRecordShare();
        if (share == null) {
            return new ElectronicRecordCoverage(1, 0, 0);
        }
        return new ElectronicRecordCoverage(1, 1, share >= ELECTRONIC_SHARE ? 1 : 0);
    }

    /** The coverage over {@code batches}. */
    public static ElectronicRecordCoverage compute(Collection<BatchOutcome> batches) {
        return batches.stream().map(ElectronicRecordCoverage::of).reduce(NONE, ElectronicRecordCoverage::plus);
    }

    /** Both tallies added. */
    public ElectronicRecordCoverage plus(ElectronicRecordCoverage other) {
        return new ElectronicRecordCoverage(batches + other.batches, batchesWithShare + other.batchesWithShare,
                electronicBatches + other.electronicBatches);
    }

    /** Electronically recorded / batches with a known share; empty when no share is known. */
    public OptionalDouble value() {
        return new Ratio(electronicBatches, batchesWithShare).value();
    }

    /** Batches with a known share / batches; empty when there is no batch. */
    public OptionalDouble coverage() {
        return new Ratio(batchesWithShare, batches).value();
    }
}

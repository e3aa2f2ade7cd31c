package org.pharmamaturity.evaluation.kpi;

import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Times and counts behind an OEE, for one equipment or summed over many (an enterprise's OEE sums times and
 * counts, it never averages ratios). Planned time = observed time - PLANNED_STOP time;
 * {@code idealRunTimeMs} = sum of idealCycleTime x (good + reject).
 */
public record OeeTotals(long windowMs, long observedMs, long plannedStopMs, long runningMs, double idealRunTimeMs,
                        long goodCount, long rejectCount, int conflictingChanges, int duplicateChanges) {

    /** Performance above this is implausible and flagged (DESIGN.md section 4). */
    public static final double PERFORMANCE_LIMIT = 1.05;

    /** Nothing observed; the identity of {@link #plus}. */
    public static final OeeTotals NONE = new OeeTotals(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Times and counts of both added, e.g. two equipment of one enterprise. */
    public OeeTotals plus(OeeTotals other) {
        return new OeeTotals(windowMs + other.windowMs, observedMs + other.observedMs,
                plannedStopMs + other.plannedStopMs, runningMs + other.runningMs,
                idealRunTimeMs + other.idealRunTimeMs, goodCount + other.goodCount, rejectCount + other.rejectCount,
                conflictingChanges + other.conflictingChanges, duplicateChanges + other.duplicateChanges);
    }

    /** Planned production time: observed time less PLANNED_STOP. */
    public long plannedMs() {
        return observedMs - plannedStopMs;
    }

    /**
     * A = RUNNING / planned, P = idealRunTime / RUNNING, Q = good / (good + reject), OEE = A x P x Q; OEE is 0 when
     * a defined component is 0 (no production in planned time) and empty when a component is undefined otherwise.
     */
    public OeeResult result() {
        long planned = plannedMs();
        long total = goodCount + rejectCount;
        OptionalDouble availability = planned > 0 ? OptionalDouble.of((double) runningMs / planned) : OptionalDouble.empty();
        OptionalDouble performance = runningMs > 0 ? OptionalDouble.of(idealRunTimeMs / runningMs) : OptionalDouble.empty();
        OptionalDouble quality = total > 0 ? OptionalDouble.of((double) goodCount / total) : OptionalDouble.empty();
        Set<OeeFlag> flags = EnumSet.noneOf(OeeFlag.class);
        if (performance.isPresent() && performance.getAsDouble() > PERFORMANCE_LIMIT) {
            flags.add(OeeFlag.PERFORMANCE_ABOVE_LIMIT);
        }
        if (conflictingChanges > 0) {
            flags.add(OeeFlag.CONFLICTING_STATE_CHANGES);
        }
        if (duplicateChanges > 0) {
            flags.add(OeeFlag.DUPLICATE_STATE_CHANGES);
        }
        if (planned <= 0) {
            flags.add(OeeFlag.NO_PLANNED_TIME);
        } else if (runningMs == 0) {
            flags.add(OeeFlag.NO_RUNNING_TIME);
        }
        if (runningMs == 0 && total > 0) {
            flags.add(OeeFlag.COUNTS_WITHOUT_RUNNING_TIME);
        }
        double coverage = windowMs > 0 ? (double) observedMs / windowMs : 0;
        return new OeeResult(availability, performance, quality, product(availability, performance, quality), coverage, flags);
    }

    private static OptionalDouble product(OptionalDouble... factors) {
        double product = 1;
        boolean undefined = false;
        for (OptionalDouble factor : factors) {
            if (factor.isEmpty()) {
                undefined = true;
            } else if (factor.getAsDouble() == 0) {
                return OptionalDouble.of(0);
            } else {
                product *= factor.getAsDouble();
            }
        }
        return undefined ? OptionalDouble.empty() : OptionalDouble.of(product);
    }
}

package org.pharmamaturity.evaluation.kpi;

/** Implausible or incomplete OEE input, reported beside the values instead of being silently corrected. */
public enum OeeFlag {
    /** Performance above 1.05: the ideal cycle time or the counts are likely wrong. The value is kept, not clamped. */
    PERFORMANCE_ABOVE_LIMIT,
    /** Two state changes share an event time with different states; the later-arrived one was used. */
    CONFLICTING_STATE_CHANGES,
    /** The same state change arrived twice with the same event time; counted once. */
    DUPLICATE_STATE_CHANGES,
    /** No planned production time in the window: availability and OEE are undefined. */
    NO_PLANNED_TIME,
    /** Planned time but no RUNNING time: availability and OEE are 0, performance undefined. */
    NO_RUNNING_TIME,
    /** Counts arrived for a window without RUNNING time. */
    COUNTS_WITHOUT_RUNNING_TIME
}

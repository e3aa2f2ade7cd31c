package org.pharmamaturity.evaluation.kpi;

/** Where a logger is: GSP annex 3 asks for a record every 30 min in storage and every 5 min in transport. */
public enum ColdChainContext {
    STORAGE(30),
    TRANSPORT(5);

    /** GSP: every 2 min while the temperature is out of range, whatever the context. */
    public static final long OUT_OF_RANGE_INTERVAL_MS = 2L * 60 * 1000;

    private final long loggingIntervalMs;

    ColdChainContext(int minutes) {
        this.loggingIntervalMs = minutes * 60_000L;
    }

    /** The required interval between records while in range. */
    public long loggingIntervalMs() {
        return loggingIntervalMs;
    }
}

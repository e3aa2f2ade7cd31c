package org.pharmamaturity.streams.kpi;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The event-time high-water mark of one processor: the latest eventTime it has been given, kept in a store of its
 * own so that a restart (or a task moving to another instance) resumes from it. The KPI processors close days by
 * this mark, not by the task's stream time: the stream time is the maximum of the Kafka timestamps of the task's
 * SOURCE records, which real producers stamp with the wall clock at send time, and validation forwarding each
 * record with its eventTime does not change it; so a processor sharing its task with validation (cold chain, or
 * any processor when the whole topology runs as one task, as in TopologyTestDriver) would find every day of
 * backfilled or simulated data already closed.
 */
public final class EventTimeClock {

    /** The one key of the store. */
    static final String KEY = "high-water-mark";

    private final KeyValueStore<String, Long> store;
    private long highWaterMs;

    private EventTimeClock(KeyValueStore<String, Long> store, long highWaterMs) {
        this.store = store;
        this.highWaterMs = highWaterMs;
    }

    /** The clock kept in {@code store}, resumed from its saved mark (none yet: before every event time). */
    public static EventTimeClock resume(KeyValueStore<String, Long> store) {
        Long saved = store.get(KEY);
        return new EventTimeClock(store, saved == null ? Long.MIN_VALUE : saved);
    }

    /** The mark: the latest event time seen, {@link Long#MIN_VALUE} before any. */
    public long highWaterMs() {
        return highWaterMs;
    }

    /** Moves the mark on to {@code eventTimeMs} when that is later, and returns the mark. */
    public long observe(long eventTimeMs) {
        if (eventTimeMs > highWaterMs) {
            highWaterMs = eventTimeMs;
            store.put(KEY, eventTimeMs);
        }
        return highWaterMs;
    }
}

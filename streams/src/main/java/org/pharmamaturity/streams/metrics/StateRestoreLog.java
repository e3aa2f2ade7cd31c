package org.pharmamaturity.streams.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the restoration of state stores from their changelogs visible to operators: one log line per store and
 * changelog partition when it starts and when it ends (records restored, how long it took), and the meters
 * {@code maturity_state_restored_records_total{store}} (counted per batch, so a long restore shows progress) and
 * {@code maturity_state_restore_duration_seconds{store}} (one sample per finished or suspended partition restore).
 * Kafka Streams calls it from its restoring threads (the state updater and the global thread), hence the
 * concurrent map of restores in progress.
 */
public final class StateRestoreLog implements StateRestoreListener {

    static final String RESTORED_RECORDS = "maturity.state.restored.records";
    static final String RESTORE_DURATION = "maturity.state.restore.duration";

    private static final Logger LOG = LoggerFactory.getLogger(StateRestoreLog.class);

    private final MeterRegistry registry;
    private final LongSupplier nanoTime;
    private final Map<TopicPartition, Long> startedNanos = new ConcurrentHashMap<>();

    /** Meters on {@code registry}, durations measured with {@link System#nanoTime()}. */
    public StateRestoreLog(MeterRegistry registry) {
        this(registry, System::nanoTime);
    }

    /** Meters on {@code registry}, durations measured with {@code nanoTime} (tests pass a clock they move). */
    StateRestoreLog(MeterRegistry registry, LongSupplier nanoTime) {
        this.registry = registry;
        this.nanoTime = nanoTime;
    }

    @Override
    public void onRestoreStart(TopicPartition changelog, String store, long startingOffset, long endingOffset) {
        startedNanos.put(changelog, nanoTime.getAsLong());
        LOG.info("Restoring store {} from changelog {}: offsets {} to {}", store, changelog, startingOffset,
                endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String store, long batchEndOffset, long restored) {
        restoredRecords(store).increment(restored);
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
        Duration took = finished(changelog, store);
        LOG.info("Restored store {} from changelog {}: {} records in {} ms", store, changelog, totalRestored,
                took.toMillis());
    }

    @Override
    public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
        Duration took = finished(changelog, store);
        LOG.info("Suspended restoring store {} from changelog {} (its task moved): {} records in {} ms", store,
                changelog, totalRestored, took.toMillis());
    }

    private Duration finished(TopicPartition changelog, String store) {
        Long started = startedNanos.remove(changelog);
        Duration took = Duration.ofNanos(started == null ? 0 : nanoTime.getAsLong() - started);
        Timer.builder(RESTORE_DURATION).description("Time to restore a state store partition from its changelog")
                .tag("store", store).register(registry).record(took);
        return took;
    }

    private Counter restoredRecords(String store) {
        return Counter.builder(RESTORED_RECORDS).description("Records restored into state stores from changelogs")
                .tag("store", store).register(registry);
    }
}

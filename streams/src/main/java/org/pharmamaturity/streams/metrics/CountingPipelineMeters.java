package org.pharmamaturity.streams.metrics;

import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * The Micrometer pipeline counters on a private in-memory registry, with readers by label: what tests use to
 * assert on the counts a topology made.
 */
public final class CountingPipelineMeters extends MicrometerPipelineMeters {

    public CountingPipelineMeters() {
        super(new SimpleMeterRegistry());
    }

    /** Valid records accepted from {@code topic}. */
    public long records(String topic) {
        return count(registry().find(RECORDS).tag("topic", topic).counter());
    }

    /** Dead letters counted for {@code topic} and {@code reason}. */
    public long deadLetters(String topic, DeadLetterReason reason) {
        return count(registry().find(DEAD_LETTERS).tag("topic", topic).tag("reason", reason.name()).counter());
    }

    /** Duplicates dropped on {@code topic}. */
    public long duplicates(String topic) {
        return count(registry().find(DUPLICATES).tag("topic", topic).counter());
    }

    /** Records of {@code topic} parked to wait for their references. */
    public long referenceWaits(String topic) {
        return count(registry().find(REFERENCE_WAITS).tag("topic", topic).counter());
    }

    /** Records dropped as too late at {@code stage}. */
    public long lateRecords(String stage) {
        return count(registry().find(LATE_RECORDS).tag("stage", stage).counter());
    }

    /** Alerts of {@code kind} sent about {@code enterpriseId}. */
    public long alerts(AlertKind kind, String enterpriseId) {
        return count(registry().find(ALERTS).tag("kind", kind.name()).tag("enterprise_id", enterpriseId).counter());
    }

    /** Every dead-letter counter above 0: {@code topic|reason} to its count, sorted. */
    public Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new TreeMap<>();
        registry().find(DEAD_LETTERS).counters().forEach(counter -> {
            if (counter.count() > 0) {
                counts.put(counter.getId().getTag("topic") + "|" + counter.getId().getTag("reason"), count(counter));
            }
        });
        return counts;
    }

    private static long count(Counter counter) {
        return counter == null ? 0 : (long) counter.count();
    }
}

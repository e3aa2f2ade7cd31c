package org.pharmamaturity.streams.validation;

import java.util.function.Function;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.state.WindowStoreAnchor;

/**
 * Drops a record whose eventId was already seen within the dedup horizon (in event time), so a resent event is
 * counted once. The eventIds live in a window store whose retention is the horizon: old ids expire with their
 * segments, without a punctuator, and the store stays the size of one horizon of traffic. Lookups are by the
 * record's partition key, which a resent event keeps, so one task sees both copies. The horizon is measured
 * back from the newest event time put in the store (a window store expires segments by the timestamps put into
 * it, not by the task's stream time, which follows the producers' send-time clock): an event more than the
 * horizon older than the newest event of its partition finds its window already expired and is not checked (the
 * KPIs drop it as late anyway, as long as the grace is shorter than the horizon).
 *
 * @param <V> the record type
 */
public final class DeduplicationProcessor<V> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private final String topic;
    private final Function<V, String> eventId;
    private final long horizonMs;
    private final PipelineMeters meters;
    private FixedKeyProcessorContext<String, V> context;
    private WindowStore<String, Long> seen;

    public DeduplicationProcessor(String storeName, String topic, Function<V, String> eventId, long horizonMs,
            PipelineMeters meters) {
        this.storeName = storeName;
        this.topic = topic;
        this.eventId = eventId;
        this.horizonMs = horizonMs;
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        WindowStoreAnchor.anchorWhenEmpty(context, seen);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        String id = eventId.apply(record.value());
        long time = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, Math.max(0, time - horizonMs), time + horizonMs)) {
            if (earlier.hasNext()) {
                meters.duplicate(topic);
                return;
            }
        }
        seen.put(id, time, time);
        context.forward(record);
    }
}

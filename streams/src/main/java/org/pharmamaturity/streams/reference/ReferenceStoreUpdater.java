package org.pharmamaturity.streams.reference;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.serde.AvroSerdeException;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one global reference store up to date from its compacted topic (read as bytes): decodes and checks each
 * record, applies it (a tombstone removes the entry), and counts and logs a record it cannot use. Kafka Streams
 * re-runs this processor when it restores the store, so derived entries (the equipment index) are rebuilt too.
 * The global thread has no producer, so a bad reference record cannot reach maturity.dlq; it is counted under
 * its reason and logged with its coordinates, and stays in its topic until a corrected record replaces it.
 *
 * @param <V> the reference record type
 */
public final class ReferenceStoreUpdater<V extends SpecificRecord> implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceStoreUpdater.class);

    private final Topic<V> topic;
    private final ReferenceKind<V> kind;
    private final TopicSerdes serdes;
    private final PipelineMeters meters;
    private final String storeName;
    private Deserializer<V> deserializer;
    private KeyValueStore<String, V> store;
    private ProcessorContext<Void, Void> context;

    ReferenceStoreUpdater(Topic<V> topic, ReferenceKind<V> kind, String storeName, TopicSerdes serdes,
            PipelineMeters meters) {
        this.topic = topic;
        this.kind = kind;
        this.storeName = storeName;
        this.serdes = serdes;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.deserializer = serdes.valueSerde(topic).deserializer();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String key = record.key();
        if (key == null || key.isBlank()) {
            reject(DeadLetterReason.INVALID_VALUE, "the record has no key; " + topic + " is keyed by "
                    + topic.keyDescription());
            return;
        }
        if (record.value() == null) {
            kind.remove(key, store);
            return;
        }
        V value;
        try {
            value = deserializer.deserialize(topic.name(), record.headers(), record.value());
        } catch (AvroSerdeException e) {
            if (!e.reason().recordProblem()) {
                throw e;
            }
            reject(e.reason().deadLetterReason(), e.getMessage());
            return;
        }
        List<String> problems = new ArrayList<>();
        kind.check(key, value, problems);
        if (!problems.isEmpty()) {
            reject(DeadLetterReason.INVALID_VALUE, String.join("; ", problems));
            return;
        }
        kind.put(key, value, store);
    }

    private void reject(DeadLetterReason reason, String message) {
        meters.deadLetter(topic.name(), reason);
        String where = context.recordMetadata().map(ReferenceStoreUpdater::coordinates).orElse(topic.name());
        LOG.error("Reference record {} refused ({}): {}. It stays in the topic; write a corrected record with the"
                + " same key.", where, reason, message);
    }

    private static String coordinates(RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }
}

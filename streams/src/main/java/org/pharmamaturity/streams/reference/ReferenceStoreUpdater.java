package org.pharmamaturity.streams.reference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.streams.validation.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one global reference store up to date from its compacted topic (read as bytes): decodes and checks each
 * record, applies it (a tombstone removes the entry) and skips a record it cannot use. Kafka Streams re-runs this
 * processor whenever it restores the store, so derived entries (the equipment index) are rebuilt too, and for the
 * same reason a refused record is neither counted nor dead-lettered here: the reference audit
 * ({@link org.pharmamaturity.streams.topology.ReferenceAuditTopology}) does both, once, with committed offsets.
 *
 * @param <V> the reference record type
 */
public final class ReferenceStoreUpdater<V extends SpecificRecord> implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceStoreUpdater.class);

    private final ReferenceDecoder<V> decoder;
    private final String storeName;
    private KeyValueStore<String, V> store;
    private ProcessorContext<Void, Void> context;

    ReferenceStoreUpdater(ReferenceDecoder<V> decoder, String storeName) {
        this.decoder = decoder;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        switch (decoder.decode(record.key(), record.headers(), record.value())) {
            case ReferenceDecoder.Outcome.Put<V> put -> decoder.kind().put(record.key(), put.value(), store);
            case ReferenceDecoder.Outcome.Remove<V> remove -> decoder.kind().remove(record.key(), store);
            case ReferenceDecoder.Outcome.Refuse<V> refuse -> skip(refuse.problem());
        }
    }

    private void skip(Problem problem) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("Reference record {} skipped ({}): {}; the reference audit dead-letters it",
                    context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                            .orElse(decoder.topic().name()), problem.reason(), problem.message());
        }
    }
}

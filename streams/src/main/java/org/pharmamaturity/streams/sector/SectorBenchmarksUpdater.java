package org.pharmamaturity.streams.sector;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.schemas.serde.AvroSerdeException;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.pharmamaturity.streams.state.StoreNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global store {@link StoreNames#SECTOR_BENCHMARKS} from maturity.sector (the pipeline's own output, read
 * as bytes): each sector's latest record, whose kpiBenchmarks the maturity processor judges the tiers against. A
 * record it cannot decode is skipped with a log line: the topic is written by this pipeline only, and the next
 * record of the sector replaces it.
 */
public final class SectorBenchmarksUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SectorBenchmarksUpdater.class);

    private final TopicSerdes serdes;
    private Deserializer<SectorMaturity> deserializer;
    private KeyValueStore<String, SectorMaturity> store;

    public SectorBenchmarksUpdater(TopicSerdes serdes) {
        this.serdes = serdes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.deserializer = serdes.valueSerde(Topic.MATURITY_SECTOR).deserializer();
        this.store = context.getStateStore(StoreNames.SECTOR_BENCHMARKS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        try {
            store.put(record.key(), deserializer.deserialize(Topic.MATURITY_SECTOR.name(), record.headers(),
                    record.value()));
        } catch (AvroSerdeException e) {
            if (!e.reason().recordProblem()) {
                throw e;
            }
            LOG.warn("Sector record of {} on {} skipped for the benchmarks: {}", record.key(),
                    Topic.MATURITY_SECTOR.name(), e.getMessage());
        }
    }
}

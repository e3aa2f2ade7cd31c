package org.pharmamaturity.streams.sector;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.state.avro.SectorMemberSet;

/** Turns a sector's changed member set into its SectorMaturity, stamped with the processing time. */
public final class SectorStatisticsProcessor implements FixedKeyProcessor<String, SectorMemberSet, SectorMaturity> {

    private FixedKeyProcessorContext<String, SectorMaturity> context;

    @Override
    public void init(FixedKeyProcessorContext<String, SectorMaturity> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, SectorMemberSet> record) {
        context.forward(record.withValue(SectorRecords.statistics(record.key(), record.value(),
                context.currentSystemTimeMs())));
    }
}

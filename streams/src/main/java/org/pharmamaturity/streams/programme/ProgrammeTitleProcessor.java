package org.pharmamaturity.streams.programme;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.streams.reference.ReferenceDecoder;
import org.pharmamaturity.streams.state.avro.ProgrammeChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns ref.title (read as bytes) into the programme's title changes: a valid award, or a tombstone that revokes
 * one. It judges each record with the same {@link ReferenceDecoder} as the reference audit; a record the decoder
 * refuses is skipped here, because the audit dead-letters it, once, with committed offsets (as for the other
 * reference topics).
 */
public final class ProgrammeTitleProcessor implements Processor<String, byte[], String, ProgrammeChange> {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeTitleProcessor.class);

    private final ReferenceDecoder<TitleAward> decoder;
    private ProcessorContext<String, ProgrammeChange> context;

    public ProgrammeTitleProcessor(ReferenceDecoder<TitleAward> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void init(ProcessorContext<String, ProgrammeChange> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        switch (decoder.decode(record.key(), record.headers(), record.value())) {
            case ReferenceDecoder.Outcome.Put<TitleAward> put -> forward(record,
                    ProgrammeRecords.titleChange(record.key(), put.value()));
            case ReferenceDecoder.Outcome.Remove<TitleAward> remove -> forward(record,
                    ProgrammeRecords.titleChange(record.key(), null));
            case ReferenceDecoder.Outcome.Refuse<TitleAward> refuse -> LOG.debug(
                    "Title record {} skipped ({}): {}; the reference audit dead-letters it", record.key(),
                    refuse.problem().reason(), refuse.problem().message());
        }
    }

    private void forward(Record<String, byte[]> record, KeyValue<String, ProgrammeChange> change) {
        context.forward(record.withKey(change.key).withValue(change.value));
    }
}

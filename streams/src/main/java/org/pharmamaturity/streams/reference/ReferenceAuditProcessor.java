package org.pharmamaturity.streams.reference;

import java.nio.charset.StandardCharsets;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.streams.dlq.DeadLetters;
import org.pharmamaturity.streams.dlq.SourceRecord;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.validation.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits one reference topic: a record the global store updater would skip becomes a dead letter (original key
 * and value bytes, topic, partition, offset, reason), keyed by the original key bytes, and is counted. It runs in
 * a regular stream task with committed offsets, so each bad record is dead-lettered once, however often the
 * global stores are restored.
 *
 * @param <V> the reference record type
 */
public final class ReferenceAuditProcessor<V extends SpecificRecord> implements Processor<byte[], byte[], byte[], DeadLetter> {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceAuditProcessor.class);

    private final ReferenceDecoder<V> decoder;
    private final String processorName;
    private final PipelineMeters meters;
    private ProcessorContext<byte[], DeadLetter> context;

    public ReferenceAuditProcessor(ReferenceDecoder<V> decoder, String processorName, PipelineMeters meters) {
        this.decoder = decoder;
        this.processorName = processorName;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<byte[], DeadLetter> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (decoder.decode(key, record.headers(), record.value()) instanceof ReferenceDecoder.Outcome.Refuse<V> refuse) {
            reject(record, refuse.problem());
        }
    }

    private void reject(Record<byte[], byte[]> record, Problem problem) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        SourceRecord source = new SourceRecord(metadata.topic(), metadata.partition(), metadata.offset(),
                record.timestamp(), record.key(), record.value(), record.headers());
        meters.deadLetter(source.topic(), problem.reason());
        LOG.warn("Dead letter {} from {} (write a corrected record with the same key): {}", problem.reason(),
                source.coordinates(), problem.message());
        DeadLetter letter = DeadLetters.of(source, problem.reason(), problem.message(), context.currentSystemTimeMs(),
                null, null, processorName);
        context.forward(record.withValue(letter));
    }
}

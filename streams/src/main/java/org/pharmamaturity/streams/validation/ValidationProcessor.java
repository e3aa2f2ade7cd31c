package org.pharmamaturity.streams.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.serde.AvroSerdeException;
import org.pharmamaturity.streams.dlq.DeadLetters;
import org.pharmamaturity.streams.dlq.SourceRecord;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.reference.ReferenceData;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validation at the edge: decodes one input record from its bytes and checks it, so that a bad record reaches
 * maturity.dlq whole (original key and value bytes, topic, partition, offset, reason) and processing continues.
 * Checks, in order: it decodes (NOT_AVRO, UNKNOWN_SCHEMA_ID, SCHEMA_MISMATCH); it has its key and required
 * fields, and its values are in range (INVALID_VALUE); eventTime is not more than the allowed skew ahead of the
 * processing clock (FUTURE_TIMESTAMP); its enterprise (UNKNOWN_ENTERPRISE) and equipment (UNKNOWN_EQUIPMENT) are
 * registered. The first problem gives the reason; the message lists them all.
 *
 * <p>An accepted record leaves with its eventTime as the record timestamp, so every window downstream works in
 * event time. This is done here rather than by a TimestampExtractor: the extractor sees the bytes before
 * validation, so it would decode every record twice and could not send an undecodable one to the dead-letter
 * topic.
 *
 * @param <V> the record type
 */
public final class ValidationProcessor<V extends SpecificRecord>
        implements Processor<byte[], byte[], String, Validated<V>> {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationProcessor.class);

    private final InputSpec<V> spec;
    private final TopicSerdes serdes;
    private final PipelineMeters meters;
    private final long maxFutureSkewMs;
    private final CheckContext.AssessmentChecker assessmentChecker;
    private final ScenarioDeclarations scenarioDeclarations;
    private final String processorName;
    private ProcessorContext<String, Validated<V>> context;
    private Deserializer<V> deserializer;
    private ReferenceData reference;

    public ValidationProcessor(InputSpec<V> spec, String processorName, TopicSerdes serdes, PipelineMeters meters,
            long maxFutureSkewMs, CheckContext.AssessmentChecker assessmentChecker, ScenarioDeclarations scenarioDeclarations) {
        this.spec = spec;
        this.processorName = processorName;
        this.serdes = serdes;
        this.meters = meters;
        this.maxFutureSkewMs = maxFutureSkewMs;
        this.assessmentChecker = assessmentChecker;
        this.scenarioDeclarations = scenarioDeclarations;
    }

    @Override
    public void init(ProcessorContext<String, Validated<V>> context) {
        this.context = context;
        this.deserializer = serdes.valueSerde(spec.topic()).deserializer();
        this.reference = ReferenceData.from(context);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        V value = null;
        List<Problem> problems = new ArrayList<>();
        if (record.value() == null) {
            problems.add(Problem.invalid("the value is null (a tombstone), which an event topic cannot carry"));
        } else {
            try {
                value = deserializer.deserialize(spec.topic().name(), record.headers(), record.value());
            } catch (AvroSerdeException e) {
                if (!e.reason().recordProblem()) {
                    // The registry, not the record, is at fault: fail so the record waits for it.
                    throw e;
                }
                problems.add(new Problem(e.reason().deadLetterReason(), e.getMessage()));
            }
        }
        if (value != null) {
            check(key, value, problems);
        }
        if (problems.isEmpty()) {
            meters.accepted(spec.topic().name());
            context.forward(record.withKey(key).withValue(new Validated.Accepted<>(value))
                    .withTimestamp(spec.eventTime().apply(value).toEpochMilli()));
        } else {
            reject(record, key, value, problems);
        }
    }

    private void check(String key, V value, List<Problem> problems) {
        String expectedKey = spec.expectedKey().apply(value);
        if (key == null) {
            problems.add(Problem.invalid("the record has no key; " + spec.topic() + " is keyed by "
                    + spec.topic().keyDescription()));
        } else if (expectedKey != null && !expectedKey.equals(key)) {
            problems.add(Problem.invalid("the key '" + key + "' differs from the record's "
                    + spec.topic().keyDescription() + " '" + expectedKey + "'"));
        }
        requireText("eventId", spec.eventId().apply(value), problems);
        String enterpriseId = spec.enterpriseId().apply(value);
        requireText("enterpriseId", enterpriseId, problems);
        CheckContext checkContext = new CheckContext(context.currentSystemTimeMs(), maxFutureSkewMs, assessmentChecker,
                scenarioDeclarations);
        spec.typeChecks().check(value, checkContext, problems);
        checkContext.requireNotFuture("eventTime", spec.eventTime().apply(value), problems);
        if (enterpriseId != null && !enterpriseId.isBlank() && reference.enterprise(enterpriseId).isEmpty()) {
            problems.add(new Problem(DeadLetterReason.UNKNOWN_ENTERPRISE, "enterprise '" + enterpriseId
                    + "' is not registered in ref.enterprise"));
        }
        String equipmentId = spec.equipmentId().apply(value);
        if (equipmentId != null) {
            Optional<Equipment> equipment = reference.equipment(equipmentId);
            if (equipment.isEmpty()) {
                problems.add(new Problem(DeadLetterReason.UNKNOWN_EQUIPMENT, "equipment '" + equipmentId
                        + "' is not registered in ref.equipment"));
            } else if (!equipment.get().getEnterpriseId().equals(enterpriseId)) {
                problems.add(Problem.invalid("equipment '" + equipmentId + "' belongs to enterprise '"
                        + equipment.get().getEnterpriseId() + "', not '" + enterpriseId + "'"));
            }
        }
    }

    private void reject(Record<byte[], byte[]> record, String key, V value, List<Problem> problems) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        SourceRecord source = new SourceRecord(metadata.topic(), metadata.partition(), metadata.offset(),
                record.timestamp(), record.key(), record.value(), record.headers());
        DeadLetterReason reason = problems.get(0).reason();
        String message = problems.stream().map(Problem::message).collect(Collectors.joining("; "));
        meters.deadLetter(source.topic(), reason);
        LOG.warn("Dead letter {} from {}: {}", reason, source.coordinates(), message);
        String enterpriseId = value == null ? null : spec.enterpriseId().apply(value);
        context.forward(record.withKey(key == null ? "" : key).withValue(new Validated.Rejected<>(record.key(),
                DeadLetters.of(source, reason, message, context.currentSystemTimeMs(), enterpriseId, null,
                        processorName))));
    }

    private static void requireText(String field, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.invalid(field + " is missing"));
        }
    }
}

package org.pharmamaturity.streams.validation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.serde.AvroSerdeException;
import org.pharmamaturity.streams.dlq.DeadLetters;
import org.pharmamaturity.streams.dlq.SourceRecord;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.reference.ReferenceData;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.pharmamaturity.streams.state.avro.ParkedRecord;
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
 * <p><b>The reference wait.</b> The enterprise and equipment are looked up in the global stores of ref.enterprise
 * and ref.equipment, which the global stream thread updates on its own schedule, not in step with this task. An
 * enterprise registered and followed at once by its data (the simulator does exactly that) can therefore have its
 * data validated before the global thread has read the registration; refused on the spot, an enterprise's only
 * self-assessment was lost and the enterprise never scored. So a record whose only problems are unknown references
 * is parked in the store {@code validation-<input>-reference-wait} (persistent, with a changelog: a restart keeps
 * it) and validated again by a wall-clock punctuator every second: once its references are known it goes on exactly
 * as if it had been accepted on arrival (same record, eventTime as timestamp, the same dedup downstream); once it
 * has waited longer than {@code maturity.validation.reference-wait} it is dead-lettered as it would have been on
 * arrival (reason, message, original bytes and coordinates; only the dead letter's time differs). A record with
 * any other problem is dead-lettered at once. Records queue by what they describe: a machine's records by
 * {@code enterpriseId/equipmentId}, the others by {@code enterpriseId}. While a queue has records parked, its later
 * records are parked behind them, whatever their references, and leave in arrival order; other queues go on, so one
 * machine sent before its registration does not hold back the rest of its plant. The store's key is
 * {@code queue@offset} (the offset zero-padded: one task reads one partition of the input, so offsets number its
 * records in arrival order), and a prefix scan of {@code queue@} finds a queue.
 * A wait of zero parks nothing (records with unknown references are refused at once, as before the wait existed);
 * records still parked from an earlier run are then refused at the next punctuation.
 *
 * @param <V> the record type
 */
public final class ValidationProcessor<V extends SpecificRecord>
        implements Processor<byte[], byte[], String, Validated<V>> {

    /** How often the parked records are validated again (wall clock). */
    static final Duration REFERENCE_CHECK_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ValidationProcessor.class);
    private static final Set<DeadLetterReason> REFERENCE_REASONS = EnumSet.of(DeadLetterReason.UNKNOWN_ENTERPRISE,
            DeadLetterReason.UNKNOWN_EQUIPMENT);
    /** Digits of the zero-padded offset in the park store's keys, so an enterprise's keys sort in arrival order. */
    private static final int OFFSET_DIGITS = 19;

    private final InputSpec<V> spec;
    private final TopicSerdes serdes;
    private final PipelineMeters meters;
    private final long maxFutureSkewMs;
    private final long referenceWaitMs;
    private final String parkStoreName;
    private final CheckContext.AssessmentChecker assessmentChecker;
    private final ScenarioDeclarations scenarioDeclarations;
    private final String processorName;
    private ProcessorContext<String, Validated<V>> context;
    private Deserializer<V> deserializer;
    private ReferenceData reference;
    private KeyValueStore<String, ParkedRecord> parked;
    /**
     * Entries in {@link #parked}, counted on init (after the store's restore) and kept on every put and delete: while
     * it is zero, the common case, an accepted record costs no store lookup and the punctuator no scan.
     */
    private long parkedCount;

    /**
     * {@code referenceWaitMs} is {@code maturity.validation.reference-wait}, {@code parkStoreName} the input's
     * reference-wait store ({@link org.pharmamaturity.streams.state.StoreNames#referenceWait}), connected to this
     * processor.
     */
    public ValidationProcessor(InputSpec<V> spec, String processorName, TopicSerdes serdes, PipelineMeters meters,
            long maxFutureSkewMs, long referenceWaitMs, String parkStoreName, CheckContext.AssessmentChecker assessmentChecker,
            ScenarioDeclarations scenarioDeclarations) {
        this.spec = spec;
        this.processorName = processorName;
        this.serdes = serdes;
        this.meters = meters;
        this.maxFutureSkewMs = maxFutureSkewMs;
        this.referenceWaitMs = referenceWaitMs;
        this.parkStoreName = parkStoreName;
        this.assessmentChecker = assessmentChecker;
        this.scenarioDeclarations = scenarioDeclarations;
    }

    @Override
    public void init(ProcessorContext<String, Validated<V>> context) {
        this.context = context;
        this.deserializer = serdes.valueSerde(spec.topic()).deserializer();
        this.reference = ReferenceData.from(context);
        this.parked = context.getStateStore(parkStoreName);
        this.parkedCount = 0;
        try (KeyValueIterator<String, ParkedRecord> all = parked.all()) {
            while (all.hasNext()) {
                all.next();
                parkedCount++;
            }
        }
        context.schedule(REFERENCE_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::releaseParked);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        SourceRecord source = new SourceRecord(metadata.topic(), metadata.partition(), metadata.offset(),
                record.timestamp(), record.key(), record.value(), record.headers());
        Outcome<V> outcome = validate(source);
        boolean waitsForReferences = referenceWaitMs > 0 && outcome.onlyUnknownReferences();
        if (outcome.problems().isEmpty() || waitsForReferences) {
            String queue = queueOf(outcome.value());
            if (waitsForReferences || hasParked(queue)) {
                park(queue, source);
                return;
            }
        }
        pass(source, outcome);
    }

    /** Decodes and checks a record: its value (null when it does not decode) and its problems (none: accepted). */
    private Outcome<V> validate(SourceRecord source) {
        String key = source.key() == null ? null : new String(source.key(), StandardCharsets.UTF_8);
        V value = null;
        List<Problem> problems = new ArrayList<>();
        if (source.value() == null) {
            problems.add(Problem.invalid("the value is null (a tombstone), which an event topic cannot carry"));
        } else {
            try {
                value = deserializer.deserialize(spec.topic().name(), source.headers(), source.value());
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
        return new Outcome<>(key, value, problems);
    }

    /** Forwards an accepted record (eventTime as its timestamp) or the dead letter of a refused one. */
    private void pass(SourceRecord source, Outcome<V> outcome) {
        if (outcome.problems().isEmpty()) {
            meters.accepted(spec.topic().name());
            context.forward(new Record<>(outcome.key(), new Validated.Accepted<>(outcome.value()),
                    spec.eventTime().apply(outcome.value()).toEpochMilli(), source.headers()));
        } else {
            reject(source, outcome);
        }
    }

    /** The queue a record waits in: its machine's ({@code enterpriseId/equipmentId}), else its enterprise's. */
    private String queueOf(V value) {
        String equipmentId = spec.equipmentId().apply(value);
        String enterpriseId = spec.enterpriseId().apply(value);
        return equipmentId == null ? enterpriseId : enterpriseId + "/" + equipmentId;
    }

    private boolean hasParked(String queue) {
        if (parkedCount == 0) {
            return false;
        }
        try (KeyValueIterator<String, ParkedRecord> entries = parked.prefixScan(queue + "@", new StringSerializer())) {
            return entries.hasNext();
        }
    }

    private void park(String queue, SourceRecord source) {
        String key = queue + "@" + String.format("%0" + OFFSET_DIGITS + "d", source.offset());
        if (parked.putIfAbsent(key, ParkedRecords.park(source, context.currentSystemTimeMs())) == null) {
            parkedCount++;
        }
        meters.referenceWait(source.topic());
        LOG.debug("Parked {} in queue {} to wait for its references", source.coordinates(), queue);
    }

    /**
     * Validates the parked records again, each queue's in arrival order: a record whose references are now known goes
     * on, one that still misses them waits (and so do its queue's later records) until it has waited longer than the
     * reference wait, then it is dead-lettered; one with another problem is dead-lettered.
     */
    private void releaseParked(long nowMs) {
        if (parkedCount == 0) {
            return;
        }
        List<KeyValue<String, ParkedRecord>> entries = new ArrayList<>();
        try (KeyValueIterator<String, ParkedRecord> all = parked.all()) {
            all.forEachRemaining(entries::add);
        }
        Set<String> waiting = new HashSet<>();
        for (KeyValue<String, ParkedRecord> entry : entries) {
            String queue = entry.key.substring(0, entry.key.lastIndexOf('@'));
            if (waiting.contains(queue)) {
                continue;
            }
            SourceRecord source = ParkedRecords.source(entry.value);
            Outcome<V> outcome = validate(source);
            if (outcome.onlyUnknownReferences() && nowMs - entry.value.getParkedAtMs() <= referenceWaitMs) {
                waiting.add(queue);
                continue;
            }
            parked.delete(entry.key);
            parkedCount--;
            pass(source, outcome);
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

    private void reject(SourceRecord source, Outcome<V> outcome) {
        List<Problem> problems = outcome.problems();
        DeadLetterReason reason = problems.get(0).reason();
        String message = problems.stream().map(Problem::message).collect(Collectors.joining("; "));
        meters.deadLetter(source.topic(), reason);
        LOG.warn("Dead letter {} from {}: {}", reason, source.coordinates(), message);
        String enterpriseId = outcome.value() == null ? null : spec.enterpriseId().apply(outcome.value());
        String key = outcome.key();
        context.forward(new Record<>(key == null ? "" : key, new Validated.Rejected<>(source.key(),
                DeadLetters.of(source, reason, message, context.currentSystemTimeMs(), enterpriseId, null,
                        processorName)), source.timestampMs(), source.headers()));
    }

    private static void requireText(String field, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.invalid(field + " is missing"));
        }
    }

    /** A record's key (text), value (null when it did not decode) and problems. */
    private record Outcome<V>(String key, V value, List<Problem> problems) {

        /** Whether the record has problems and every one is an enterprise or equipment not (yet) registered. */
        boolean onlyUnknownReferences() {
            return !problems.isEmpty() && problems.stream().allMatch(problem -> REFERENCE_REASONS.contains(problem.reason()));
        }
    }
}

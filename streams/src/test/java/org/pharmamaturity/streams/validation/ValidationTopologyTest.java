package org.pharmamaturity.streams.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.at;
import static org.pharmamaturity.streams.testing.TestRecords.batch;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * Each kind of bad input record lands in maturity.dlq whole (original bytes, coordinates) with its reason, is
 * counted, and the pipeline goes on with the next record.
 */
class ValidationTopologyTest {

    private static final String STATES = Topic.FACTORY_EQUIPMENT_STATE.name();
    private static final String COUNTS = Topic.FACTORY_PRODUCTION_COUNT.name();
    private static final Instant T = at("2025-03-01T08:00:00Z");

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = PipelineDriver.withPlant("E1", "C272", "EQ1");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void bytesThatAreNotAvroAreNotAvro() {
        byte[] value = "temperature=21.5".getBytes(StandardCharsets.UTF_8);
        pipeBytes(STATES, "EQ1", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, STATES, 0, DeadLetterReason.NOT_AVRO, "EQ1", value);
        assertThat(letter.getErrorMessage()).contains("magic byte");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsAnUnknownSchemaId() {
        byte[] value = {0, 0, 0, 0x7f, 0x7f, 2, 4, 6};
        pipeBytes(STATES, "EQ1", value);
        assertRejected(onlyDeadLetter(), STATES, 0, DeadLetterReason.UNKNOWN_SCHEMA_ID, "EQ1", value);
    }

    @Test
    void anotherRecordTypeIsASchemaMismatch() {
        byte[] value = driver.serialize(COUNTS, enterprise("E1", "C272"));
        pipeBytes(COUNTS, "EQ1", value);
        assertRejected(onlyDeadLetter(), COUNTS, 0, DeadLetterReason.SCHEMA_MISMATCH, "EQ1", value);
    }

    @Test
    void aNegativeCountIsAnInvalidValue() {
        byte[] value = driver.serialize(COUNTS, count("EQ1", "E1", "2025-03-01T08:00:00Z", -5, 0, 36_000));
        pipeBytes(COUNTS, "EQ1", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, COUNTS, 0, DeadLetterReason.INVALID_VALUE, "EQ1", value);
        assertThat(letter.getErrorMessage()).contains("goodCount is -5.0");
        assertThat(letter.getEnterpriseId()).isEqualTo("E1");
    }

    @Test
    void aKeyThatIsNotTheRecordsIdIsAnInvalidValue() {
        byte[] value = driver.serialize(STATES, state("EQ1", "E1", "2025-03-01T08:00:00Z", EquipmentState.RUNNING));
        pipeBytes(STATES, "EQ2", value);
        assertRejected(onlyDeadLetter(), STATES, 0, DeadLetterReason.INVALID_VALUE, "EQ2", value);
    }

    @Test
    void anEventTimeBeyondTheSkewIsAFutureTimestamp() {
        // The processing clock is 2025-03-10T00:00Z and 5 min of skew are allowed: 00:06 is refused.
        byte[] value = driver.serialize(STATES, state("EQ1", "E1", "2025-03-10T00:06:00Z", EquipmentState.RUNNING));
        pipeBytes(STATES, "EQ1", value);
        assertRejected(onlyDeadLetter(), STATES, 0, DeadLetterReason.FUTURE_TIMESTAMP, "EQ1", value);
    }

    @Test
    void anEnterpriseNotInRefEnterpriseIsUnknown() {
        String batches = Topic.FACTORY_BATCH_STATUS.name();
        byte[] value = driver.serialize(batches, batch("B1", "E9", "2025-03-01T08:00:00Z", BatchState.RELEASED, null));
        pipeBytes(batches, "B1", value);
        afterTheReferenceWait();
        assertRejected(onlyDeadLetter(), batches, 0, DeadLetterReason.UNKNOWN_ENTERPRISE, "B1", value);
    }

    @Test
    void equipmentNotInRefEquipmentIsUnknown() {
        byte[] value = driver.serialize(STATES, state("EQ9", "E1", "2025-03-01T08:00:00Z", EquipmentState.RUNNING));
        pipeBytes(STATES, "EQ9", value);
        afterTheReferenceWait();
        assertRejected(onlyDeadLetter(), STATES, 0, DeadLetterReason.UNKNOWN_EQUIPMENT, "EQ9", value);
    }

    @Test
    void anAnswerToNoRequirementOfTheModelIsAnInvalidValue() {
        String assessments = Topic.ASSESSMENT_SELF_SUBMITTED.name();
        byte[] value = driver.serialize(assessments, assessment("E1", "SUB-1", "2025-03-01T08:00:00Z",
                Map.of("STR-L1-01", Grade.FULL, "NO-SUCH-REQUIREMENT", Grade.FULL)));
        pipeBytes(assessments, "E1", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, assessments, 0, DeadLetterReason.INVALID_VALUE, "E1", value);
        assertThat(letter.getErrorMessage()).contains("NO-SUCH-REQUIREMENT");
    }

    @Test
    void aSubmissionIdTheApiCouldNotLookUpIsAnInvalidValue() {
        // The bound the REST API applies to path ids and submissions alike (TextBounds): at most 64 characters.
        String assessments = Topic.ASSESSMENT_SELF_SUBMITTED.name();
        byte[] value = driver.serialize(assessments, assessment("E1", "S".repeat(5_000), "2025-03-01T08:00:00Z",
                Map.of("STR-L1-01", Grade.FULL)));
        pipeBytes(assessments, "E1", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, assessments, 0, DeadLetterReason.INVALID_VALUE, "E1", value);
        assertThat(letter.getErrorMessage()).contains("submissionId: not a valid id").hasSizeLessThan(1_000);
    }

    @Test
    void processingGoesOnAfterBadRecordsAndEachIsCounted() {
        pipeBytes(STATES, "EQ1", "garbage".getBytes(StandardCharsets.UTF_8));
        pipeBytes(STATES, "EQ9", driver.serialize(STATES, state("EQ9", "E1", "2025-03-01T07:00:00Z", EquipmentState.RUNNING)));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T08:00:00Z", EquipmentState.IDLE));
        // EQ9's record waits for its equipment, and E1's two good records wait behind it, until the wait is over.
        driver.advanceWallClock(Duration.ofSeconds(31));

        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).extracting(record -> record.value.getSourceOffset()).containsExactly(0L, 1L);
        assertThat(driver.meters().deadLetters(STATES, DeadLetterReason.NOT_AVRO)).isEqualTo(1);
        assertThat(driver.meters().deadLetters(STATES, DeadLetterReason.UNKNOWN_EQUIPMENT)).isEqualTo(1);
        assertThat(driver.meters().records(STATES)).isEqualTo(2); // the two good records only
        Map<String, EquipmentKpi> kpis = driver.latest(Topic.KPI_EQUIPMENT_DAILY);
        // The good records (offsets 2 and 3) were processed: RUNNING 06:00-08:00 is 2 h.
        assertThat(kpis.get("EQ1@2025-03-01").getComponents().getRunningMs()).isEqualTo(2 * 3_600_000L);
    }

    /**
     * Checks that nothing was dead-lettered yet, the record waiting for its enterprise or equipment, then lets the
     * wall clock pass maturity.validation.reference-wait (PT30S): 31 s.
     */
    private void afterTheReferenceWait() {
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        driver.advanceWallClock(Duration.ofSeconds(31));
    }

    private void pipeBytes(String topic, String key, byte[] value) {
        driver.pipeBytes(topic, key.getBytes(StandardCharsets.UTF_8), value, T);
    }

    private DeadLetter onlyDeadLetter() {
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).key).isEqualTo(new String(bytes(letters.get(0).value.getKey()), StandardCharsets.UTF_8));
        return letters.get(0).value;
    }

    private void assertRejected(DeadLetter letter, String topic, long offset, DeadLetterReason reason, String key,
            byte[] value) {
        assertThat(letter.getReason()).isEqualTo(reason);
        assertThat(letter.getSourceTopic()).isEqualTo(topic);
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isEqualTo(offset);
        assertThat(letter.getSourceTimestamp()).isEqualTo(T);
        assertThat(bytes(letter.getKey())).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThat(bytes(letter.getValue())).isEqualTo(value);
        assertThat(letter.getProcessor()).isEqualTo("validation-" + Topic.byName(topic).map(this::inputName).orElseThrow()
                + "-check");
        assertThat(driver.meters().deadLetters(topic, reason)).isEqualTo(1);
    }

    private String inputName(Topic<?> topic) {
        return switch (topic.name()) {
            case "factory.equipment.state" -> "equipment-state";
            case "factory.production.count" -> "production-count";
            case "factory.batch.status" -> "batch-status";
            case "assessment.self.submitted" -> "assessment";
            default -> throw new IllegalArgumentException(topic.name());
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}

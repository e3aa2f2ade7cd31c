package org.pharmamaturity.streams.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.at;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.dlq.SourceRecord;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ParkedRecord;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * A record whose enterprise or equipment the global reference stores do not know yet waits for them (the global
 * thread may not have read a registration sent just before): it goes on once they are known, in arrival order with
 * its enterprise's later records, and is dead-lettered as before once it has waited longer than
 * maturity.validation.reference-wait (PT30S by default).
 */
class ReferenceWaitTest {

    private static final String ASSESSMENTS = Topic.ASSESSMENT_SELF_SUBMITTED.name();
    private static final String COUNTS = Topic.FACTORY_PRODUCTION_COUNT.name();
    private static final String COUNTS_INPUT = "production-count";
    /** The Kafka timestamp of the piped records. */
    private static final Instant T = at("2025-03-09T23:59:00Z");

    private PipelineDriver driver = new PipelineDriver();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void anAssessmentSentBeforeItsEnterprisesRegistrationIsScoredOnceTheRegistrationIsRead() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T08:00:00Z",
                Answers.fullUpTo(2)));
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
        assertThat(parked()).isEqualTo(1);

        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        driver.advanceWallClock(Duration.ofSeconds(1));

        List<KeyValue<String, EnterpriseMaturity>> results = driver.read(Topic.MATURITY_ENTERPRISE);
        assertThat(results).extracting(result -> result.key).containsExactly("E1");
        assertThat(results.get(0).value.getAsOf()).isEqualTo(at("2025-03-01T08:00:00Z"));
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        assertThat(parked()).isZero();
        assertThat(driver.meters().referenceWaits(ASSESSMENTS)).isEqualTo(1);
        assertThat(driver.meters().records(ASSESSMENTS)).isEqualTo(1);
        assertThat(driver.meters().deadLetterCounts()).isEmpty();
    }

    @Test
    void aParkedRecordIsInTheStoresChangelogSoARestartKeepsIt() {
        byte[] value = driver.serialize(ASSESSMENTS, assessment("E1", "A1", "2025-03-01T08:00:00Z", Answers.fullUpTo(1)));
        driver.pipeBytes(ASSESSMENTS, "E1".getBytes(StandardCharsets.UTF_8), value, T);

        // Key: the enterprise, '@', the source offset 0 zero-padded to 19 digits.
        String key = "E1@0000000000000000000";
        List<KeyValue<String, ParkedRecord>> logged = driver.readChangelog(StoreNames.referenceWait("assessment"),
                StateSerde.of(ParkedRecord.class).deserializer());
        assertThat(logged).extracting(entry -> entry.key).containsExactly(key);
        ParkedRecord parked = logged.get(0).value;
        assertThat(parked.getParkedAtMs()).isEqualTo(PipelineDriver.WALL_CLOCK.toEpochMilli());
        SourceRecord source = ParkedRecords.source(parked);
        assertThat(source.topic()).isEqualTo(ASSESSMENTS);
        assertThat(source.offset()).isZero();
        assertThat(source.timestampMs()).isEqualTo(T.toEpochMilli());
        assertThat(source.key()).isEqualTo("E1".getBytes(StandardCharsets.UTF_8));
        assertThat(source.value()).isEqualTo(value);

        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        driver.advanceWallClock(Duration.ofSeconds(1));
        // Released: the entry is deleted, a tombstone in the changelog.
        assertThat(driver.readChangelog(StoreNames.referenceWait("assessment"), StateSerde.of(ParkedRecord.class).deserializer()))
                .containsExactly(KeyValue.pair(key, null));
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).hasSize(1);
    }

    @Test
    void aRecordOfAnEnterpriseNeverRegisteredIsDeadLetteredAfterTheWaitWithItsOriginalBytes() {
        byte[] value = driver.serialize(ASSESSMENTS, assessment("E9", "A1", "2025-03-01T08:00:00Z", Answers.fullUpTo(1)));
        driver.pipeBytes(ASSESSMENTS, "E9".getBytes(StandardCharsets.UTF_8), value, T);

        // Parked at the driver's wall clock; at +30 s it has waited exactly PT30S, not longer: still waiting.
        driver.advanceWallClock(Duration.ofSeconds(30));
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        assertThat(parked()).isEqualTo(1);

        driver.advanceWallClock(Duration.ofSeconds(1));
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).key).isEqualTo("E9");
        DeadLetter letter = letters.get(0).value;
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNKNOWN_ENTERPRISE);
        assertThat(letter.getErrorMessage()).isEqualTo("enterprise 'E9' is not registered in ref.enterprise");
        assertThat(letter.getSourceTopic()).isEqualTo(ASSESSMENTS);
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(letter.getSourceTimestamp()).isEqualTo(T);
        assertThat(bytes(letter.getKey())).isEqualTo("E9".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes(letter.getValue())).isEqualTo(value);
        assertThat(letter.getEnterpriseId()).isEqualTo("E9");
        assertThat(letter.getProcessor()).isEqualTo("validation-assessment-check");
        // The dead letter's own time is when it was written: the driver's clock 2025-03-10T00:00Z plus 31 s.
        assertThat(letter.getEventTime()).isEqualTo(at("2025-03-10T00:00:31Z"));
        assertThat(driver.meters().deadLetters(ASSESSMENTS, DeadLetterReason.UNKNOWN_ENTERPRISE)).isEqualTo(1);
        assertThat(driver.meters().records(ASSESSMENTS)).isZero();
        assertThat(parked()).isZero();

        driver.advanceWallClock(Duration.ofSeconds(60));
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
    }

    @Test
    void anEnterprisesLaterRecordsWaitBehindItsParkedOneAndLeaveInArrivalOrder() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E2", assessment("E2", "A1", "2025-03-01T08:00:00Z",
                Answers.fullUpTo(1)));
        driver.pipe(Topic.REF_ENTERPRISE, "E2", enterprise("E2", "C272"));
        // E2 is known now, but A2 may not overtake A1, still parked: it is parked behind it.
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E2", assessment("E2", "A2", "2025-03-02T08:00:00Z",
                Answers.fullUpTo(2)));
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
        assertThat(parked()).isEqualTo(2);

        driver.advanceWallClock(Duration.ofSeconds(1));

        // A1 first (scored as of its submission), then A2, the later submission: one result each, in that order.
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).extracting(result -> result.value.getAsOf())
                .containsExactly(at("2025-03-01T08:00:00Z"), at("2025-03-02T08:00:00Z"));
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        assertThat(driver.meters().referenceWaits(ASSESSMENTS)).isEqualTo(2);
        assertThat(driver.meters().records(ASSESSMENTS)).isEqualTo(2);
        assertThat(parked()).isZero();
    }

    @Test
    void aMachineSentBeforeItsRegistrationDoesNotHoldBackItsPlantsOtherMachines() {
        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        driver.pipe(Topic.REF_EQUIPMENT, "EQ1", equipment("EQ1", "E1"));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ9", count("EQ9", "E1", "2025-03-01T08:00:00Z", 90, 10, 36_000));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", count("EQ1", "E1", "2025-03-01T08:00:00Z", 90, 10, 36_000));

        // EQ9's count waits in its own queue (E1/EQ9); EQ1's, in E1/EQ1, is accepted at once.
        assertThat(driver.meters().records(COUNTS)).isEqualTo(1);
        assertThat(driver.meters().referenceWaits(COUNTS)).isEqualTo(1);
        assertThat(parked(COUNTS_INPUT)).isEqualTo(1);

        driver.advanceWallClock(Duration.ofSeconds(31));

        assertThat(driver.read(Topic.MATURITY_DLQ)).extracting(letter -> letter.value.getReason())
                .containsExactly(DeadLetterReason.UNKNOWN_EQUIPMENT);
        assertThat(driver.meters().records(COUNTS)).isEqualTo(1);
        assertThat(parked(COUNTS_INPUT)).isZero();
    }

    @Test
    void aRecordWithAnotherProblemBesidesAnUnknownEnterpriseIsDeadLetteredAtOnce() {
        byte[] value = driver.serialize(COUNTS, count("EQ9", "E9", "2025-03-01T08:00:00Z", -5, 0, 36_000));
        driver.pipeBytes(COUNTS, "EQ9".getBytes(StandardCharsets.UTF_8), value, T);

        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0).value;
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_VALUE);
        assertThat(letter.getErrorMessage()).contains("goodCount is -5.0")
                .contains("enterprise 'E9' is not registered in ref.enterprise")
                .contains("equipment 'EQ9' is not registered in ref.equipment");
        assertThat(bytes(letter.getValue())).isEqualTo(value);
        assertThat(letter.getEventTime()).isEqualTo(PipelineDriver.WALL_CLOCK);
        assertThat(driver.meters().referenceWaits(COUNTS)).isZero();
        assertThat(parked(COUNTS_INPUT)).isZero();
    }

    @Test
    void aWaitOfZeroDeadLettersAnUnknownEnterpriseAtOnce() {
        driver.close();
        driver = new PipelineDriver(TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO)
                .withCloseMargin(Duration.ZERO).withReferenceWait(Duration.ZERO));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E9", assessment("E9", "A1", "2025-03-01T08:00:00Z",
                Answers.fullUpTo(1)));

        assertThat(driver.read(Topic.MATURITY_DLQ)).extracting(letter -> letter.value.getReason())
                .containsExactly(DeadLetterReason.UNKNOWN_ENTERPRISE);
        assertThat(driver.meters().referenceWaits(ASSESSMENTS)).isZero();
        assertThat(parked()).isZero();
    }

    /** How many assessments wait in {@code validation-assessment-reference-wait}. */
    private long parked() {
        return parked("assessment");
    }

    private long parked(String input) {
        long entries = 0;
        try (KeyValueIterator<String, ParkedRecord> all = driver.<ParkedRecord>store(StoreNames.referenceWait(input)).all()) {
            while (all.hasNext()) {
                all.next();
                entries++;
            }
        }
        return entries;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}

package org.pharmamaturity.streams.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.at;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;
import static org.pharmamaturity.streams.testing.TestRecords.title;
import static org.pharmamaturity.streams.testing.TestRecords.titleKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * Each kind of bad reference record lands in maturity.dlq once, whole (original bytes, coordinates), with its
 * reason, and is counted; good records and tombstones produce nothing. (That a restart does not dead-letter them
 * again is shown on the broker by ReferenceAuditIntegrationTest.)
 */
class ReferenceAuditTopologyTest {

    private static final String ENTERPRISES = Topic.REF_ENTERPRISE.name();
    private static final String EQUIPMENT = Topic.REF_EQUIPMENT.name();
    private static final String TITLES = Topic.REF_TITLE.name();
    private static final Instant T = at("2025-03-01T08:00:00Z");

    private final PipelineDriver driver = PipelineDriver.referenceAudit();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void bytesThatAreNotAvroAreNotAvro() {
        byte[] value = "name=Acme".getBytes(StandardCharsets.UTF_8);
        pipe(ENTERPRISES, "E1", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, ENTERPRISES, "E1", value, DeadLetterReason.NOT_AVRO, "enterprise");
        assertThat(letter.getErrorMessage()).contains("magic byte");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsAnUnknownSchemaId() {
        byte[] value = {0, 0, 0, 0x7f, 0x7f, 2, 4, 6};
        pipe(EQUIPMENT, "EQ1", value);
        assertRejected(onlyDeadLetter(), EQUIPMENT, "EQ1", value, DeadLetterReason.UNKNOWN_SCHEMA_ID, "equipment");
    }

    @Test
    void equipmentOnTheEnterpriseTopicIsASchemaMismatch() {
        byte[] value = driver.serialize(ENTERPRISES, equipment("EQ1", "E1"));
        pipe(ENTERPRISES, "E1", value);
        assertRejected(onlyDeadLetter(), ENTERPRISES, "E1", value, DeadLetterReason.SCHEMA_MISMATCH, "enterprise");
    }

    @Test
    void aRecordWithoutTheRequiredSectorFieldIsASchemaMismatch() {
        // Written with a schema of Enterprise that has no sector field: the reader's sector has no default.
        Schema withoutSector = Schema.createRecord(Enterprise.getClassSchema().getName(), null,
                Enterprise.getClassSchema().getNamespace(), false, Enterprise.getClassSchema().getFields().stream()
                        .filter(field -> !field.name().equals("sector"))
                        .map(field -> new Schema.Field(field, field.schema())).toList());
        Enterprise full = enterprise("E1", "C272");
        GenericRecord partial = new GenericData.Record(withoutSector);
        withoutSector.getFields().forEach(field -> partial.put(field.name(), full.get(field.name())));
        partial.put("eventTime", full.getEventTime().toEpochMilli());
        partial.put("manufacturingType", new GenericData.EnumSymbol(withoutSector.getField("manufacturingType").schema(),
                full.getManufacturingType().name()));
        byte[] value = driver.serialize(ENTERPRISES, partial);
        pipe(ENTERPRISES, "E1", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, ENTERPRISES, "E1", value, DeadLetterReason.SCHEMA_MISMATCH, "enterprise");
        assertThat(letter.getErrorMessage()).contains("sector");
    }

    @Test
    void aBlankSectorIsAnInvalidValue() {
        byte[] value = driver.serialize(ENTERPRISES, enterprise("E1", " "));
        pipe(ENTERPRISES, "E1", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, ENTERPRISES, "E1", value, DeadLetterReason.INVALID_VALUE, "enterprise");
        assertThat(letter.getErrorMessage()).isEqualTo("sector is blank");
    }

    @Test
    void aKeyThatIsNotTheEnterpriseIdIsAnInvalidValue() {
        byte[] value = driver.serialize(ENTERPRISES, enterprise("E1", "C272"));
        pipe(ENTERPRISES, "E2", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, ENTERPRISES, "E2", value, DeadLetterReason.INVALID_VALUE, "enterprise");
        assertThat(letter.getErrorMessage()).isEqualTo("the key 'E2' differs from enterpriseId 'E1'");
    }

    @Test
    void equipmentWithoutSiteIsAnInvalidValue() {
        Equipment noSite = equipment("EQ1", "E1");
        noSite.setSiteId("");
        byte[] value = driver.serialize(EQUIPMENT, noSite);
        pipe(EQUIPMENT, "EQ1", value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, EQUIPMENT, "EQ1", value, DeadLetterReason.INVALID_VALUE, "equipment");
        assertThat(letter.getErrorMessage()).isEqualTo("siteId is blank");
    }

    @Test
    void aRecordWithoutKeyIsAnInvalidValueKeptWithoutKey() {
        byte[] value = driver.serialize(EQUIPMENT, equipment("EQ1", "E1"));
        driver.pipeBytes(EQUIPMENT, null, value, T);
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).key).isNull();
        assertThat(letters.get(0).value.getKey()).isNull();
        assertThat(letters.get(0).value.getReason()).isEqualTo(DeadLetterReason.INVALID_VALUE);
        assertThat(driver.meters().deadLetters(EQUIPMENT, DeadLetterReason.INVALID_VALUE)).isEqualTo(1);
    }

    @Test
    void goodRecordsAndTombstonesGiveNoDeadLetter() {
        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        driver.pipe(Topic.REF_EQUIPMENT, "EQ1", equipment("EQ1", "E1"));
        driver.pipeBytes(ENTERPRISES, "E1".getBytes(StandardCharsets.UTF_8), null, T);
        driver.pipeBytes(EQUIPMENT, "EQ1".getBytes(StandardCharsets.UTF_8), null, T);
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        assertThat(driver.meters().deadLetterCounts()).isEmpty();
    }

    @Test
    void theAuditGoesOnAfterABadRecordAndCountsEachOnce() {
        pipe(ENTERPRISES, "E1", "garbage".getBytes(StandardCharsets.UTF_8));
        driver.pipe(Topic.REF_ENTERPRISE, "E2", enterprise("E2", "C272"));
        pipe(ENTERPRISES, "E3", driver.serialize(ENTERPRISES, enterprise("E3", "")));
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        // Offsets 0 (garbage) and 2 (blank sector); offset 1 is good.
        assertThat(letters).extracting(letter -> letter.value.getSourceOffset()).containsExactly(0L, 2L);
        assertThat(driver.meters().deadLetters(ENTERPRISES, DeadLetterReason.NOT_AVRO)).isEqualTo(1);
        assertThat(driver.meters().deadLetters(ENTERPRISES, DeadLetterReason.INVALID_VALUE)).isEqualTo(1);
    }

    @Test
    void aTypicalScenarioOutsideTheCatalogueIsAnInvalidValue() {
        DeadLetter letter = rejectedTitle("E1|TYPICAL_SCENARIO|no-such-scenario",
                title("E1", Title.TYPICAL_SCENARIO, "no-such-scenario", null));
        assertThat(letter.getErrorMessage())
                .isEqualTo("scenarioId: 'no-such-scenario' is not a scenario of the catalogue scenarios-2025");
    }

    @Test
    void aTitleRecordNamesEveryProblem() {
        TitleAward award = title("E1", Title.TYPICAL_SCENARIO, null, null);
        award.setAwardingBody(" ");
        award.setYear(1999);
        DeadLetter letter = rejectedTitle("E1|PIONEER_ENTERPRISE", award);
        assertThat(letter.getErrorMessage()).isEqualTo("awardingBody: missing; "
                + "scenarioId: a TYPICAL_SCENARIO award needs the scenarioId of its scenario; "
                + "year: 1999 is not a year from 2015 to 2100; "
                + "key: 'E1|PIONEER_ENTERPRISE' differs from 'E1|TYPICAL_SCENARIO' (enterpriseId|title|scenarioId)");
    }

    @Test
    void aScenarioIdOnAnotherTitleIsAnInvalidValue() {
        TitleAward award = title("E1", Title.PIONEER_ENTERPRISE, "factory-construction.digital-infrastructure", null);
        DeadLetter letter = rejectedTitle("E1|PIONEER_ENTERPRISE", award);
        assertThat(letter.getErrorMessage()).isEqualTo("scenarioId: 'factory-construction.digital-infrastructure' is"
                + " given, but only a TYPICAL_SCENARIO award names a scenario, not PIONEER_ENTERPRISE");
    }

    @Test
    void goodTitlesAndTheirRevocationGiveNoDeadLetter() {
        TitleAward scenario = title("E1", Title.TYPICAL_SCENARIO, "factory-construction.digital-infrastructure",
                java.time.LocalDate.parse("2027-12-31"));
        driver.pipe(Topic.REF_TITLE, titleKey(scenario), scenario);
        driver.pipe(Topic.REF_TITLE, "E2|PIONEER_ENTERPRISE", title("E2", Title.PIONEER_ENTERPRISE, null, null));
        driver.pipeBytes(TITLES, titleKey(scenario).getBytes(StandardCharsets.UTF_8), null, T);
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
    }

    /** Pipes the award under {@code key}, checks it is dead-lettered whole as an INVALID_VALUE, and returns the letter. */
    private DeadLetter rejectedTitle(String key, TitleAward award) {
        byte[] value = driver.serialize(TITLES, award);
        pipe(TITLES, key, value);
        DeadLetter letter = onlyDeadLetter();
        assertRejected(letter, TITLES, key, value, DeadLetterReason.INVALID_VALUE, "title");
        return letter;
    }

    private void pipe(String topic, String key, byte[] value) {
        driver.pipeBytes(topic, key.getBytes(StandardCharsets.UTF_8), value, T);
    }

    private DeadLetter onlyDeadLetter() {
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).hasSize(1);
        return letters.get(0).value;
    }

    private void assertRejected(DeadLetter letter, String topic, String key, byte[] value, DeadLetterReason reason,
            String kind) {
        assertThat(letter.getReason()).isEqualTo(reason);
        assertThat(letter.getSourceTopic()).isEqualTo(topic);
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(letter.getSourceTimestamp()).isEqualTo(T);
        assertThat(bytes(letter.getKey())).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThat(bytes(letter.getValue())).isEqualTo(value);
        assertThat(letter.getProcessor()).isEqualTo("reference-audit-" + kind + "-check");
        assertThat(driver.meters().deadLetters(topic, reason)).isEqualTo(1);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}

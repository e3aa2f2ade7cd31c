package org.pharmamaturity.streams.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.at;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.PipelineDriver;
import org.pharmamaturity.streams.testing.TestRecords;

/** A bad scenario declaration goes to maturity.dlq whole, with every reason; a good one reaches the maturity store. */
class ScenarioDeclarationValidationTest {

    private static final String TOPIC = Topic.ASSESSMENT_SCENARIOS_DECLARED.name();
    private static final Instant T = at("2025-03-01T08:00:00Z");

    private PipelineDriver driver;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aDeclarationWithBlankDuplicateAndUnknownStatusScenariosIsDeadLetteredWithEveryReason() {
        byte[] value = driver.serialize(TOPIC, new ScenarioDeclaration(TestRecords.newEventId(), T, "E1", "D1", "",
                List.of(scenario("production-operations.equipment-monitoring", ScenarioStatus.DEPLOYED), scenario(" ", ScenarioStatus.PILOT),
                        scenario("production-operations.equipment-monitoring", ScenarioStatus.PLANNED),
                        scenario("production-management.production-progress-tracking", ScenarioStatus.UNKNOWN))));
        pipe("E1", value);

        DeadLetter letter = onlyDeadLetter(value);
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_VALUE);
        // the form rules first, then what the evaluation's validator adds about fields not yet reported: none
        assertThat(letter.getErrorMessage()).isEqualTo("catalogueVersion: missing; scenarios[1].scenarioId: missing;"
                + " scenarios[2].scenarioId: 'production-operations.equipment-monitoring' is already declared at"
                + " scenarios[0]; scenarios[3].status: UNKNOWN; use PLANNED, PILOT or DEPLOYED");
        assertThat(letter.getEnterpriseId()).isEqualTo("E1");
        assertThat(driver.meters().deadLetters(TOPIC, DeadLetterReason.INVALID_VALUE)).isEqualTo(1);
        assertThat(driver.<ScenarioDeclaration>store(StoreNames.MATURITY_SCENARIO_DECLARATIONS).get("E1")).isNull();
    }

    @Test
    void aDeclarationOfAnUnregisteredEnterpriseIsDeadLettered() {
        byte[] value = driver.serialize(TOPIC, new ScenarioDeclaration(TestRecords.newEventId(), T, "E9", "D1", "scenarios-2025",
                List.of(scenario("production-operations.equipment-monitoring", ScenarioStatus.DEPLOYED))));
        pipe("E9", value);
        // E9 may yet reach the reference store: the declaration waits maturity.validation.reference-wait (PT30S).
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        driver.advanceWallClock(Duration.ofSeconds(31));

        DeadLetter letter = onlyDeadLetter(value);
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNKNOWN_ENTERPRISE);
        assertThat(letter.getErrorMessage()).isEqualTo("enterprise 'E9' is not registered in ref.enterprise");
    }

    @Test
    void theCatalogueVersionAndEveryIdAreCheckedAgainstTheBuiltInCatalogue() {
        byte[] value = driver.serialize(TOPIC, new ScenarioDeclaration(TestRecords.newEventId(), T, "E1", "D1",
                "scenarios-2019", List.of(scenario("production-operations.equipment-monitoring", ScenarioStatus.DEPLOYED),
                        scenario("S-NONE", ScenarioStatus.DEPLOYED))));
        pipe("E1", value);

        // both from the evaluation's ScenarioDeclarationValidator against the built-in catalogue
        assertThat(onlyDeadLetter(value).getErrorMessage()).isEqualTo("catalogueVersion: 'scenarios-2019' is not the"
                + " catalogue in force (scenarios-2025); scenarios[1].scenarioId: 'S-NONE' is not a scenario of"
                + " scenarios-2025");
    }

    @Test
    void aGoodDeclarationIsKeptForItsEnterprise() {
        driver.pipe(Topic.ASSESSMENT_SCENARIOS_DECLARED, "E1", new ScenarioDeclaration(TestRecords.newEventId(), T,
                "E1", "D1", "scenarios-2025", List.of(scenario("production-operations.equipment-monitoring", ScenarioStatus.DEPLOYED))));

        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
        assertThat(driver.<ScenarioDeclaration>store(StoreNames.MATURITY_SCENARIO_DECLARATIONS).get("E1")
                .getSubmissionId()).isEqualTo("D1");
    }

    @BeforeEach
    void start() {
        driver = new PipelineDriver(ModelRegistry.builtIn(), PipelineDriver.REFERENCE_FOR_EVERY_TYPE);
        driver.pipe(Topic.REF_ENTERPRISE, "E1", TestRecords.enterprise("E1", "C272"));
    }

    private void pipe(String key, byte[] value) {
        driver.pipeBytes(TOPIC, key.getBytes(StandardCharsets.UTF_8), value, T);
    }

    private DeadLetter onlyDeadLetter(byte[] value) {
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0).value;
        assertThat(letter.getSourceTopic()).isEqualTo(TOPIC);
        assertThat(letter.getProcessor()).isEqualTo("validation-scenario-declaration-check");
        assertThat(bytes(letter.getValue())).isEqualTo(value);
        return letter;
    }

    private static DeclaredScenario scenario(String scenarioId, ScenarioStatus status) {
        return new DeclaredScenario(scenarioId, status, false, null, null);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}

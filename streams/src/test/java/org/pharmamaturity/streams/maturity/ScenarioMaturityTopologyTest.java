package org.pharmamaturity.streams.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.at;
import static org.pharmamaturity.streams.testing.TestRecords.telemetry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelReader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.ModelWriter;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.scenario.TestScenarios;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The maturity of enterprises with scenario declarations, and the model chosen by manufacturing type.
 *
 * <p>Models: the default and DISCRETE model is cmmm-2020-reference; PROCESS enterprises are scored with
 * "cmmm-test-process", the same model under another version (the shipped per-type models arrive with the
 * evaluation module's branch), so the version each result names shows which model scored it.
 *
 * <p>E1 (PROCESS, C272) registers EQ1..EQ4, all key-process and digitally controlled (TestRecords.equipment), and
 * EQ1 reports a reading at 08:00: rolling networkingRate = 1/4 = 0.25, keyProcessDigitalControlRate = 4/4 = 1.
 * The test catalogue (TestScenarios) evidences S-OPS by keyProcessDigitalControlRate, S-MGT by networkingRate,
 * S-RND by oee and S-LOG by coldChainLoggingCompliance, each holding at >= 0.5.
 */
class ScenarioMaturityTopologyTest {

    private static final String TEST_PROCESS_MODEL = "cmmm-test-process";

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        ModelRegistry models = ModelRegistry.of(ModelLoader.reference(), ModelReader.read(ModelWriter.toJson(
                ModelLoader.reference()).replace("\"" + ModelLoader.REFERENCE_MODEL + "\"",
                "\"" + TEST_PROCESS_MODEL + "\""), "test process model"));
        driver = new PipelineDriver(models, ModelChoice.of(ModelLoader.REFERENCE_MODEL, TEST_PROCESS_MODEL,
                ModelLoader.REFERENCE_MODEL), TestScenarios.withIndicatorRule());
        driver.pipe(Topic.REF_ENTERPRISE, "E1", TestRecords.enterprise("E1", "C272"));
        for (String equipmentId : List.of("EQ1", "EQ2", "EQ3", "EQ4")) {
            driver.pipe(Topic.REF_EQUIPMENT, equipmentId, TestRecords.equipment(equipmentId, "E1"));
        }
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T08:00:00Z"));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void eachEnterpriseIsScoredWithTheModelOfItsManufacturingType() {
        driver.pipe(Topic.REF_ENTERPRISE, "E2", discrete("E2"));
        driver.pipe(Topic.REF_ENTERPRISE, "E3", discrete("E3"));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T09:00:00Z",
                Answers.fullUpTo(1)));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E2", assessment("E2", "A2", "2025-03-01T09:00:00Z",
                Answers.fullUpTo(1)));

        Map<String, EnterpriseMaturity> results = driver.latest(Topic.MATURITY_ENTERPRISE);
        // Both assessments name cmmm-2020-reference; the PROCESS enterprise is scored with the process model.
        assertThat(results.get("E1").getModelVersion()).isEqualTo(TEST_PROCESS_MODEL);
        assertThat(results.get("E2").getModelVersion()).isEqualTo(ModelLoader.REFERENCE_MODEL);
        // Same catalogue and weights, so the same arithmetic: levels 1 FULL only, S = L1 = 1, level 1.
        assertThat(results.get("E1").getVerified().getScore()).isEqualTo(1.0);
        assertThat(results.get("E1").getVerified().getLevel()).isEqualTo(1);
    }

    @Test
    void anEnterpriseWhoseTypeChangesIsReScoredWithTheModelOfItsNewType() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T09:00:00Z",
                Answers.fullUpTo(1)));
        assertThat(onlyResult().getModelVersion()).isEqualTo(TEST_PROCESS_MODEL);

        Enterprise nowDiscrete = TestRecords.enterprise("E1", "C272");
        nowDiscrete.setManufacturingType(ManufacturingType.DISCRETE);
        driver.pipe(Topic.REF_ENTERPRISE, "E1", nowDiscrete);
        // found by the wall-clock check (maturity.check-interval, PT1M by default)
        driver.advanceWallClock(Duration.ofMinutes(1));

        assertThat(onlyResult().getModelVersion()).isEqualTo(ModelLoader.REFERENCE_MODEL);
    }

    @Test
    void aDeclarationReScoresTheEnterpriseWithItsScenariosJudged() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T09:00:00Z",
                Answers.fullUpTo(1)));
        EnterpriseMaturity before = onlyResult();
        assertThat(before.getScenarios()).isEmpty();
        assertThat(before.getAiShare()).isNull();

        driver.pipe(Topic.ASSESSMENT_SCENARIOS_DECLARED, "E1", declaration("D1", "2025-03-01T10:00:00Z",
                scenario("S-OPS", ScenarioStatus.DEPLOYED, true),
                scenario("S-MGT", ScenarioStatus.DEPLOYED, false),
                scenario("S-RND", ScenarioStatus.DEPLOYED, false),
                scenario("S-LOG", ScenarioStatus.PLANNED, true)));

        EnterpriseMaturity after = onlyResult();
        assertThat(after.getScenarios()).extracting(ScenarioAssessment::getScenarioId, ScenarioAssessment::getLink,
                ScenarioAssessment::getTierLink, ScenarioAssessment::getEvidenceStatus).containsExactly(
                        // keyProcessDigitalControlRate 1.0 >= 0.5
                        tuple("S-OPS", "生产作业", "生产作业", ScenarioEvidenceStatus.VERIFIED),
                        // networkingRate 0.25 < 0.5
                        tuple("S-MGT", "生产管理", "生产管理",
                                ScenarioEvidenceStatus.CONTRADICTED),
                        // no OEE without state changes
                        tuple("S-RND", "产品研发", "研发设计",
                                ScenarioEvidenceStatus.UNVERIFIED),
                        // planned: not judged, and it covers no link
                        tuple("S-LOG", "供应链管理", "运营管理",
                                ScenarioEvidenceStatus.NOT_DEPLOYED));
        assertThat(after.getScenarios().get(0).getSince()).isEqualTo(LocalDate.of(2024, 6, 1));
        // Deployed and not contradicted: S-OPS (生产作业) and S-RND (研发设计); 生 U+751F sorts before 研 U+7814.
        assertThat(after.getLinkCoverage()).containsExactly("生产作业", "研发设计");
        // Of those two, S-OPS uses AI: 1 / 2.
        assertThat(after.getAiShare()).isEqualTo(0.5);
        // The declaration changes nothing of the score.
        assertThat(after.getVerified().getScore()).isEqualTo(before.getVerified().getScore());

        SectorMaturity sector = driver.latest(Topic.MATURITY_SECTOR).get("C272");
        // three deployed (S-OPS, S-MGT, S-RND), one verified (S-OPS)
        assertThat(sector.getScenariosDeployed()).isEqualTo(3);
        assertThat(sector.getScenariosVerified()).isEqualTo(1);
        // verified level 1: basic needs level 2, so no tier; no enterprise at level 3 or above
        assertThat(sector.getTierCounts()).containsOnly(Map.entry("basic", 0), Map.entry("advanced", 0),
                Map.entry("excellent", 0), Map.entry("leading", 0));
        assertThat(sector.getShareAtLeastLevel3()).isEqualTo(0.0);
    }

    @Test
    void theLatestDeclarationIsKeptAndAnOlderOneThatArrivesLaterIsIgnored() {
        driver.pipe(Topic.ASSESSMENT_SCENARIOS_DECLARED, "E1", declaration("D2", "2025-03-01T10:00:00Z",
                scenario("S-OPS", ScenarioStatus.PILOT, false)));
        // no assessment yet: the declaration is kept, nothing is scored
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
        driver.pipe(Topic.ASSESSMENT_SCENARIOS_DECLARED, "E1", declaration("D1", "2025-03-01T07:00:00Z",
                scenario("S-OPS", ScenarioStatus.DEPLOYED, true)));
        assertThat(driver.<ScenarioDeclaration>store(StoreNames.MATURITY_SCENARIO_DECLARATIONS).get("E1")
                .getSubmissionId()).isEqualTo("D2");

        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T09:00:00Z",
                Answers.fullUpTo(1)));
        EnterpriseMaturity result = onlyResult();
        assertThat(result.getScenarios()).extracting(ScenarioAssessment::getStatus, ScenarioAssessment::getEvidenceStatus)
                .containsExactly(tuple(ScenarioStatus.PILOT,
                        ScenarioEvidenceStatus.NOT_DEPLOYED));
        // nothing deployed: no link covered, no AI share
        assertThat(result.getLinkCoverage()).isEmpty();
        assertThat(result.getAiShare()).isNull();
    }

    @Test
    void aResentDeclarationCountsOnce() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T09:00:00Z",
                Answers.fullUpTo(1)));
        onlyResult();
        ScenarioDeclaration declaration = declaration("D1", "2025-03-01T10:00:00Z",
                scenario("S-OPS", ScenarioStatus.DEPLOYED, true));
        driver.pipe(Topic.ASSESSMENT_SCENARIOS_DECLARED, "E1", declaration);
        driver.pipe(Topic.ASSESSMENT_SCENARIOS_DECLARED, "E1", declaration);

        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).hasSize(1);
        assertThat(driver.meters().duplicates(Topic.ASSESSMENT_SCENARIOS_DECLARED.name())).isEqualTo(1);
    }

    private EnterpriseMaturity onlyResult() {
        List<KeyValue<String, EnterpriseMaturity>> results = driver.read(Topic.MATURITY_ENTERPRISE);
        assertThat(results).hasSize(1);
        return results.get(0).value;
    }

    private static Enterprise discrete(String enterpriseId) {
        Enterprise enterprise = TestRecords.enterprise(enterpriseId, "C358");
        enterprise.setManufacturingType(ManufacturingType.DISCRETE);
        return enterprise;
    }

    static ScenarioDeclaration declaration(String submissionId, String time, DeclaredScenario... scenarios) {
        return new ScenarioDeclaration(TestRecords.newEventId(), at(time), "E1", submissionId,
                TestScenarios.VERSION, List.of(scenarios));
    }

    static DeclaredScenario scenario(String scenarioId, ScenarioStatus status, boolean ai) {
        return new DeclaredScenario(scenarioId, status, ai, LocalDate.of(2024, 6, 1), "evidence of " + scenarioId);
    }
}

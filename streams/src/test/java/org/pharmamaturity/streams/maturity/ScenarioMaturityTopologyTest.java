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
import org.pharmamaturity.evaluation.model.ModelChoice;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
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
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The maturity of enterprises with scenario declarations, and the model chosen by manufacturing type.
 *
 * <p>Models: the built-in choice, PROCESS -> cmmm-process-v1, DISCRETE -> cmmm-discrete-v1; scenarios of the
 * built-in catalogue scenarios-2025.
 *
 * <p>E1 (PROCESS, C272) registers EQ1..EQ4, all key-process and digitally controlled (TestRecords.equipment), and
 * EQ1 reports a reading at 08:00: keyProcessDigitalControlRate = 4/4 = 1 with coverage 1 (the registry now); the
 * networking rates have coverage 0 (the pipeline has watched E1 for 0 of the 24 h), below every scenario's
 * minCoverage.
 */
class ScenarioMaturityTopologyTest {

    private static final String APC = "production-operations.advanced-process-control";
    private static final String MONITORING = "production-operations.equipment-monitoring";
    private static final String PRODUCT_DESIGN = "product-rnd.digital-product-design";
    private static final String LOGISTICS = "supply-chain.intelligent-supply-chain-logistics";

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = new PipelineDriver(ModelRegistry.builtIn(), ModelChoice.builtIn());
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
        // Both assessments name cmmm-2020-reference; each enterprise is scored with the model of its type.
        assertThat(results.get("E1").getModelVersion()).isEqualTo(ModelLoader.PROCESS_MODEL);
        assertThat(results.get("E2").getModelVersion()).isEqualTo(ModelLoader.DISCRETE_MODEL);
        // Level 1 all FULL: L1 = 1 whatever the weights, L2 = 0, so S = L1 + L2 = 1 (rule A), level 1.
        assertThat(results.get("E1").getVerified().getScore()).isEqualTo(1.0);
        assertThat(results.get("E1").getVerified().getLevel()).isEqualTo(1);
    }

    @Test
    void anEnterpriseWhoseTypeChangesIsReScoredWithTheModelOfItsNewType() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T09:00:00Z",
                Answers.fullUpTo(1)));
        assertThat(onlyResult().getModelVersion()).isEqualTo(ModelLoader.PROCESS_MODEL);

        Enterprise nowDiscrete = TestRecords.enterprise("E1", "C272");
        nowDiscrete.setManufacturingType(ManufacturingType.DISCRETE);
        driver.pipe(Topic.REF_ENTERPRISE, "E1", nowDiscrete);
        // found by the wall-clock check (maturity.check-interval, PT1M by default)
        driver.advanceWallClock(Duration.ofMinutes(1));

        assertThat(onlyResult().getModelVersion()).isEqualTo(ModelLoader.DISCRETE_MODEL);
    }

    @Test
    void aDeclarationReScoresTheEnterpriseWithItsScenariosJudged() {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T09:00:00Z",
                Answers.fullUpTo(1)));
        EnterpriseMaturity before = onlyResult();
        assertThat(before.getScenarios()).isEmpty();
        assertThat(before.getAiShare()).isNull();

        driver.pipe(Topic.ASSESSMENT_SCENARIOS_DECLARED, "E1", declaration("D1", "2025-03-01T10:00:00Z",
                scenario(APC, ScenarioStatus.DEPLOYED, true),
                scenario(MONITORING, ScenarioStatus.DEPLOYED, false),
                scenario(PRODUCT_DESIGN, ScenarioStatus.DEPLOYED, false),
                scenario(LOGISTICS, ScenarioStatus.PLANNED, true)));

        EnterpriseMaturity after = onlyResult();
        assertThat(after.getScenarios()).extracting(ScenarioAssessment::getScenarioId, ScenarioAssessment::getLink,
                ScenarioAssessment::getTierLink, ScenarioAssessment::getEvidenceStatus).containsExactly(
                        // keyProcessDigitalControlRate 1 >= 0.9 with coverage 1 >= 0.9
                        tuple(APC, "production-operations", "production-operations", ScenarioEvidenceStatus.VERIFIED),
                        // networking rates with coverage 0 < 0.9: no data
                        tuple(MONITORING, "production-operations", "production-operations",
                                ScenarioEvidenceStatus.UNVERIFIED),
                        // no evidencing indicator in the catalogue
                        tuple(PRODUCT_DESIGN, "product-rnd", "rnd-design", ScenarioEvidenceStatus.UNVERIFIED),
                        // planned: not judged, and it covers no link
                        tuple(LOGISTICS, "supply-chain", "operations-management",
                                ScenarioEvidenceStatus.NOT_DEPLOYED));
        assertThat(after.getScenarios().get(0).getSince()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(after.getScenarios().get(0).getReason()).isEqualTo("keyProcessDigitalControlRate 1.0 >= 0.9");
        // Deployed and not contradicted: APC and monitoring (production-operations), product design (rnd-design),
        // in the catalogue's order of tier links.
        assertThat(after.getLinkCoverage()).containsExactly("rnd-design", "production-operations");
        // Of those three, APC uses AI: 1 / 3.
        assertThat(after.getAiShare()).isEqualTo(1 / 3.0);
        // The declaration changes nothing of the score.
        assertThat(after.getVerified().getScore()).isEqualTo(before.getVerified().getScore());

        SectorMaturity sector = driver.latest(Topic.MATURITY_SECTOR).get("C272");
        // three deployed (APC, monitoring, product design), one verified (APC)
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
                scenario(APC, ScenarioStatus.PILOT, false)));
        // no assessment yet: the declaration is kept, nothing is scored
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
        driver.pipe(Topic.ASSESSMENT_SCENARIOS_DECLARED, "E1", declaration("D1", "2025-03-01T07:00:00Z",
                scenario(APC, ScenarioStatus.DEPLOYED, true)));
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
                scenario(APC, ScenarioStatus.DEPLOYED, true));
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
                "scenarios-2025", List.of(scenarios));
    }

    static DeclaredScenario scenario(String scenarioId, ScenarioStatus status, boolean ai) {
        return new DeclaredScenario(scenarioId, status, ai, LocalDate.of(2024, 6, 1), "evidence of " + scenarioId);
    }
}

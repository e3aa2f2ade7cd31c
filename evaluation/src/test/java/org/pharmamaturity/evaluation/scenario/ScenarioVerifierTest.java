package org.pharmamaturity.evaluation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.pharmamaturity.evaluation.kpi.KpiSnapshotBuilder.kpis;
import static org.pharmamaturity.evaluation.scenario.ScenarioEvidenceStatus.CONTRADICTED;
import static org.pharmamaturity.evaluation.scenario.ScenarioEvidenceStatus.NOT_DEPLOYED;
import static org.pharmamaturity.evaluation.scenario.ScenarioEvidenceStatus.UNVERIFIED;
import static org.pharmamaturity.evaluation.scenario.ScenarioEvidenceStatus.VERIFIED;
import static org.pharmamaturity.evaluation.scenario.ScenarioStatus.DEPLOYED;
import static org.pharmamaturity.evaluation.scenario.ScenarioStatus.PILOT;
import static org.pharmamaturity.evaluation.scenario.ScenarioStatus.PLANNED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.model.Comparison;

/** Declared scenarios against the built-in catalogue: VERIFIED, CONTRADICTED, UNVERIFIED, coverage and AI share. */
class ScenarioVerifierTest {

    private static final ScenarioVerifier VERIFIER = new ScenarioVerifier(ScenarioCatalogueReader.builtIn());
    private static final String MONITORING = "production-operations.equipment-monitoring";
    private static final String QUALITY = "production-operations.quality-analysis-improvement";
    private static final String TWIN = "factory-construction.digital-twin-factory";
    private static final Instant DECLARED_AT = Instant.parse("2025-06-30T08:00:00Z");

    private static ScenarioDeclaration declaring(DeclaredScenario... scenarios) {
        return new ScenarioDeclaration("ent-1", "scenarios-2025", DECLARED_AT, List.of(scenarios));
    }

    private static DeclaredScenario deployed(String scenarioId, boolean ai) {
        return new DeclaredScenario(scenarioId, DEPLOYED, ai, LocalDate.parse("2024-01-01"), null);
    }

    private static ScenarioResult only(ScenarioDeclaration declaration, KpiSnapshot kpis) {
        return VERIFIER.verify(declaration, kpis).scenarios().get(0);
    }

    @Test
    void verifiedWhenEveryIndicatorWithCoverageHolds() {
        // networkingRate 0.85 >= 0.8 and keyEquipmentNetworkingRate 0.95 >= 0.9, both with coverage 1 >= 0.9
        ScenarioResult result = only(declaring(deployed(MONITORING, false)),
                kpis().value("networkingRate", 0.85).value("keyEquipmentNetworkingRate", 0.95).build());
        assertThat(result.evidenceStatus()).isEqualTo(VERIFIED);
        // the first indicator that held decides
        assertThat(result).extracting(ScenarioResult::indicator, ScenarioResult::comparator, ScenarioResult::value,
                ScenarioResult::threshold).containsExactly("networkingRate", Comparison.GREATER_OR_EQUAL, 0.85, 0.8);
        // an indicator below its minimum coverage does not speak: key rate 0.5 with coverage 0.5 < 0.9 is ignored
        assertThat(only(declaring(deployed(MONITORING, false)),
                kpis().value("networkingRate", 0.85).value("keyEquipmentNetworkingRate", 0.5, 0.5).build())
                .evidenceStatus()).isEqualTo(VERIFIED);
    }

    @Test
    void contradictedWhenOneIndicatorWithCoverageFails() {
        // networkingRate holds, but keyEquipmentNetworkingRate 0.85 < 0.9
        ScenarioResult result = only(declaring(deployed(MONITORING, false)),
                kpis().value("networkingRate", 0.85).value("keyEquipmentNetworkingRate", 0.85).build());
        assertThat(result.evidenceStatus()).isEqualTo(CONTRADICTED);
        assertThat(result).extracting(ScenarioResult::indicator, ScenarioResult::value, ScenarioResult::threshold)
                .containsExactly("keyEquipmentNetworkingRate", 0.85, 0.9);
        // deviations: 16 per 100 batches > 15 contradicts quality analysis even though right-first-time 0.95 holds
        ScenarioResult quality = only(declaring(deployed(QUALITY, true)),
                kpis().value("rightFirstTime", 0.95).value("deviationsPer100Batches", 16).build());
        assertThat(quality).extracting(ScenarioResult::evidenceStatus, ScenarioResult::indicator, ScenarioResult::comparator)
                .containsExactly(CONTRADICTED, "deviationsPer100Batches", Comparison.LESS_OR_EQUAL);
        // exactly on the threshold holds: 15 <= 15
        assertThat(only(declaring(deployed(QUALITY, true)),
                kpis().value("rightFirstTime", 0.95).value("deviationsPer100Batches", 15).build()).evidenceStatus())
                .isEqualTo(VERIFIED);
    }

    @Test
    void unverifiedWithoutDataOrWithoutIndicators() {
        // no value at all; a value under its minimum coverage (0.85 < 0.9); a scenario no indicator speaks for
        assertThat(only(declaring(deployed(MONITORING, false)), kpis().build()).evidenceStatus()).isEqualTo(UNVERIFIED);
        assertThat(only(declaring(deployed(MONITORING, false)), null).evidenceStatus()).isEqualTo(UNVERIFIED);
        ScenarioResult lowCoverage = only(declaring(deployed(MONITORING, false)),
                kpis().value("networkingRate", 0.2, 0.85).build());
        assertThat(lowCoverage.evidenceStatus()).isEqualTo(UNVERIFIED);
        assertThat(lowCoverage.indicator()).isNull();
        assertThat(only(declaring(deployed(TWIN, true)), kpis().value("networkingRate", 0.2).build()).evidenceStatus())
                .isEqualTo(UNVERIFIED);
    }

    @Test
    void plannedAndPilotScenariosAreNotJudged() {
        ScenarioVerification verification = VERIFIER.verify(declaring(
                new DeclaredScenario(MONITORING, PLANNED, false, null, null),
                new DeclaredScenario(QUALITY, PILOT, true, null, "pilot on line 3")),
                kpis().value("networkingRate", 0.1).build());
        assertThat(verification.scenarios()).extracting(ScenarioResult::evidenceStatus).containsExactly(NOT_DEPLOYED, NOT_DEPLOYED);
        assertThat(verification.coverage()).isEqualTo(
                new ScenarioCoverage("scenarios-2025", 0, 0, 0, 0, 0.0, List.of()));
    }

    @Test
    void coverageAndAiShareCountDeployedNotContradictedScenarios() {
        ScenarioVerification verification = VERIFIER.verify(declaring(
                        deployed(MONITORING, true),                                       // VERIFIED, AI
                        deployed(QUALITY, true),                                          // CONTRADICTED (RFT 0.8 < 0.9), AI
                        deployed(TWIN, false),                                            // UNVERIFIED, counts
                        deployed("supply-chain.digital-supplier-management", false),      // UNVERIFIED -> 运营管理
                        new DeclaredScenario("product-rnd.digital-product-design", PILOT, true, null, null)),
                kpis().value("networkingRate", 0.9).value("keyEquipmentNetworkingRate", 0.95)
                        .value("rightFirstTime", 0.8).build());
        // deployed 4; verified 1; counted (deployed, not contradicted) 3; AI among counted 1 -> AI share 1/3
        ScenarioCoverage coverage = verification.coverage();
        assertThat(coverage.deployed()).isEqualTo(4);
        assertThat(coverage.verified()).isEqualTo(1);
        assertThat(coverage.counted()).isEqualTo(3);
        assertThat(coverage.aiEnabled()).isEqualTo(1);
        assertThat(coverage.aiShare()).isEqualTo(1.0 / 3);
        // covered: 工厂建设 (twin), 生产作业 (monitoring), 运营管理 (supplier management); the contradicted quality
        // scenario adds nothing, the pilot covers no link, in the catalogue's order of tier links
        assertThat(coverage.coveredTierLinks())
                .containsExactly("factory-construction", "production-operations", "operations-management");
    }

    @Test
    void withoutADeclarationNothingIsCovered() {
        ScenarioVerification verification = VERIFIER.verify(null, kpis().build());
        assertThat(verification.scenarios()).isEmpty();
        assertThat(verification.coverage()).isEqualTo(new ScenarioCoverage(null, 0, 0, 0, 0, 0.0, List.of()));
    }

    @Test
    void aBadDeclarationListsEveryProblem() {
        ScenarioDeclaration bad = new ScenarioDeclaration(" ", "scenarios-2024", DECLARED_AT, List.of(
                deployed(MONITORING, false),
                deployed("production-operations.teleportation", false),
                deployed(MONITORING, true),
                new DeclaredScenario(QUALITY, null, false, LocalDate.parse("2025-07-01"), null)));
        ScenarioDeclarationException e = catchThrowableOfType(ScenarioDeclarationException.class,
                () -> VERIFIER.verify(bad, null));
        assertThat(e.problems()).containsExactly(
                "enterpriseId: missing",
                "catalogueVersion: 'scenarios-2024' is not the catalogue in force (scenarios-2025)",
                "scenarios[1].scenarioId: 'production-operations.teleportation' is not a scenario of scenarios-2025",
                "scenarios[2].scenarioId: '" + MONITORING + "' is already declared at scenarios[0]",
                "scenarios[3].status: missing (PLANNED, PILOT or DEPLOYED)",
                "scenarios[3].since: 2025-07-01 is after the declaration (2025-06-30)");
    }

    @Test
    void theReaderReportsMalformedFieldsAndFailedChecksTogether() {
        ScenarioDeclarationException e = catchThrowableOfType(ScenarioDeclarationException.class,
                () -> ScenarioDeclarationReader.read("""
                        {"enterpriseId": "ent-1", "catalogueVersion": "scenarios-2025", "declaredAt": "yesterday",
                         "scenarios": [{"scenarioId": "%s", "status": "LIVE", "aiEnabled": "yes", "since": "2024-13-01"},
                                       {"scenarioId": "nowhere.nothing", "status": "DEPLOYED"}]}
                        """.formatted(MONITORING), "d.json", VERIFIER.catalogue()));
        assertThat(e.getMessage()).startsWith("scenario declaration of 'ent-1' is not valid (5 problems)");
        assertThat(e.problems()).containsExactly(
                "declaredAt: 'yesterday' is not an ISO-8601 instant such as 2025-06-30T08:00:00Z",
                "scenarios[0].since: '2024-13-01' is not an ISO date such as 2024-03-01",
                "scenarios[0].status: \"LIVE\" is not one of PLANNED, PILOT, DEPLOYED",
                "scenarios[0].aiEnabled: expected true or false, got \"yes\"",
                "scenarios[1].scenarioId: 'nowhere.nothing' is not a scenario of scenarios-2025");
        ScenarioDeclaration good = ScenarioDeclarationReader.read("""
                {"enterpriseId": "ent-1", "catalogueVersion": "scenarios-2025", "declaredAt": "2025-06-30T08:00:00Z",
                 "scenarios": [{"scenarioId": "%s", "status": "DEPLOYED", "aiEnabled": true, "since": "2024-03-01",
                                "evidence": "SCADA"}]}
                """.formatted(MONITORING), "d.json", VERIFIER.catalogue());
        assertThat(good.scenarios()).containsExactly(
                new DeclaredScenario(MONITORING, DEPLOYED, true, LocalDate.parse("2024-03-01"), "SCADA"));
    }
}

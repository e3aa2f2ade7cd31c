package org.pharmamaturity.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.evaluation.kpi.KpiSnapshotBuilder.kpis;
import static org.pharmamaturity.evaluation.model.Grade.FULL;
import static org.pharmamaturity.evaluation.model.Grade.LARGELY;
import static org.pharmamaturity.evaluation.model.Grade.NONE;
import static org.pharmamaturity.evaluation.model.Grade.NOT_APPLICABLE;
import static org.pharmamaturity.evaluation.model.Grade.PARTLY;
import static org.pharmamaturity.evaluation.model.ModelBuilder.aModel;
import static org.pharmamaturity.evaluation.model.RuleBuilder.aRule;
import static org.pharmamaturity.evaluation.scoring.AssessmentBuilder.anAssessment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.evidence.EvidenceStatus;
import org.pharmamaturity.evaluation.kpi.KpiSnapshotBuilder;
import org.pharmamaturity.evaluation.kpi.KpiSnapshotException;
import org.pharmamaturity.evaluation.model.Applicability;
import org.pharmamaturity.evaluation.model.Comparison;
import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.scenario.DeclaredScenario;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclaration;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclarationException;
import org.pharmamaturity.evaluation.scenario.ScenarioEvidenceStatus;
import org.pharmamaturity.evaluation.scenario.ScenarioResult;
import org.pharmamaturity.evaluation.scenario.ScenarioStatus;
import org.pharmamaturity.evaluation.tier.SectorBenchmarks;

/** Both views, contradictions, evidence coverage, confirmation ratio and tiers of one enterprise. */
class MaturityScorerTest {

    /**
     * Sub-domains a, b, c (weights 0.5, 0.25, 0.25) with requirements at levels 1 and 2.
     * NET-CAP (networkingRate < 0.5) caps a at levels 2-5 to PARTLY; OEE-CONFIRM (oee >= 0.6) confirms b at levels 1-5.
     */
    private static final MaturityModel MODEL = aModel()
            .subDomain("a", 0.5).subDomain("b", 0.25).subDomain("c", 0.25)
            .requirement("A1", "a", 1).requirement("A2x", "a", 2).requirement("A2y", "a", 2)
            .requirement("B1", "b", 1).requirement("B2", "b", 2)
            .requirement("C1", "c", 1).requirement("C2", "c", 2)
            .evidenceRule(aRule("NET-CAP", "networkingRate").on("a").levels(2, 5).cap(PARTLY).build())
            .evidenceRule(aRule("OEE-CONFIRM", "oee").when(Comparison.GREATER_OR_EQUAL, 0.6).on("b").confirm().build())
            .build();

    private static final Assessment ASSESSMENT = anAssessment()
            .grade(FULL, "A1", "A2x", "B1", "B2", "C1")
            .grade(LARGELY, "A2y")
            .grade(PARTLY, "C2")
            .build();

    @Test
    void capsContradictAndConfirm() {
        MaturityResult result = new MaturityScorer(MODEL).score(ASSESSMENT,
                kpis().value("networkingRate", 0.3, 0.95).value("oee", 0.7, 0.9).build());

        // Declared: L1 = (0.5 x 1 + 0.25 x 1 + 0.25 x 1) / 1 = 1; L2 = 0.5 x (1 + 0.8)/2 + 0.25 x 1 + 0.25 x 0.5 = 0.45 + 0.25 + 0.125 = 0.825
        assertThat(result.declared().levelScores().get(0)).isCloseTo(1.0, within(1e-12));
        assertThat(result.declared().levelScores().get(1)).isCloseTo(0.825, within(1e-12));
        // met L1, L2; L3..L5 have no sub-domain (0, not met): S = 1 + 0.825 + 0 = 1.825 -> level 2
        assertThat(result.declared().score()).isCloseTo(1.825, within(1e-12));
        assertThat(result.declared().level()).isEqualTo(2);

        // Verified: A2x and A2y capped to PARTLY: D(2, a) = 0.5 -> L2 = 0.25 + 0.25 + 0.125 = 0.625, unmet
        assertThat(result.verified().levelScores().get(1)).isCloseTo(0.625, within(1e-12));
        // S = 1 + 0.625 = 1.625 -> level 1
        assertThat(result.verified().score()).isCloseTo(1.625, within(1e-12));
        assertThat(result.verified().level()).isEqualTo(1);

        assertThat(result.requirements()).extracting(RequirementResult::requirementId, RequirementResult::verifiedGrade,
                        RequirementResult::status, RequirementResult::ruleId)
                .containsExactly(
                        tuple("A1", FULL, EvidenceStatus.NO_RULE, null),
                        tuple("A2x", PARTLY, EvidenceStatus.CAPPED, "NET-CAP"),
                        tuple("A2y", PARTLY, EvidenceStatus.CAPPED, "NET-CAP"),
                        tuple("B1", FULL, EvidenceStatus.CONFIRMED, "OEE-CONFIRM"),
                        tuple("B2", FULL, EvidenceStatus.CONFIRMED, "OEE-CONFIRM"),
                        tuple("C1", FULL, EvidenceStatus.NO_RULE, null),
                        tuple("C2", PARTLY, EvidenceStatus.NO_RULE, null));

        // FULL (1) and LARGELY (0.8) were both >= 0.8 and lowered: two contradictions
        assertThat(result.contradictions()).containsExactly(
                new Contradiction("A2x", "NET-CAP", "networkingRate", Comparison.LESS, 0.3, 0.5, FULL, PARTLY),
                new Contradiction("A2y", "NET-CAP", "networkingRate", Comparison.LESS, 0.3, 0.5, LARGELY, PARTLY));
        // 4 of 7 scored requirements were spoken for (2 capped, 2 confirmed): 4/7; 2 confirmed of 4 covered: 0.5
        assertThat(result.evidenceCoverage()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(result.confirmationRatio()).isEqualTo(0.5);
        // verified level 1 < 2: no tier; declared was 2
        assertThat(result.tiers()).isEqualTo(new Tiers(false, false, false, false));
        assertThat(result.tierReadiness().get(0).unmet()).contains("verified level 1 < 2");
        assertThat(result.kpis()).isEqualTo(Map.of("networkingRate", 0.3, "oee", 0.7));
        assertThat(result.asOf()).isEqualTo(KpiSnapshotBuilder.AS_OF);
        assertThat(result.modelVersion()).isEqualTo("test-model");
        assertThat(result.submissionId()).isEqualTo("sub-1");
    }

    @Test
    void aCapOnAGradeBelowThePassMarkIsNoContradiction() {
        // A2x declared PARTLY (0.5 < 0.8) and capped at NONE: capped, but not a contradiction
        MaturityModel model = aModel().subDomain("a", 1.0).requirement("A2x", "a", 2)
                .evidenceRule(aRule("CAP-NONE", "oee").cap(NONE).build()).build();
        MaturityResult result = new MaturityScorer(model).score(anAssessment().grade(PARTLY, "A2x").build(),
                kpis().value("oee", 0.1).build());
        assertThat(result.requirements().get(0).verifiedGrade()).isEqualTo(NONE);
        assertThat(result.contradictions()).isEmpty();
    }

    @Test
    void aCapAtTheDeclaredGradeIsNoContradiction() {
        // declared LARGELY, cap LARGELY: min(0.8, 0.8) = 0.8, nothing lowered
        MaturityModel model = aModel().subDomain("a", 1.0).requirement("A2x", "a", 2)
                .evidenceRule(aRule("CAP-LARGELY", "oee").cap(LARGELY).build()).build();
        MaturityResult result = new MaturityScorer(model).score(anAssessment().grade(LARGELY, "A2x").build(),
                kpis().value("oee", 0.1).build());
        assertThat(result.requirements().get(0).status()).isEqualTo(EvidenceStatus.CAPPED);
        assertThat(result.contradictions()).isEmpty();
    }

    @Test
    void withoutKpisEveryCoveredRequirementIsUnverifiedAndViewsAgree() {
        MaturityResult result = new MaturityScorer(MODEL).score(ASSESSMENT, null);
        assertThat(result.verified()).isEqualTo(result.declared());
        // A2x, A2y, B1, B2 covered but unverified; A1, C1, C2 no rule: coverage 0/7, confirmation 0/4
        assertThat(result.requirements()).filteredOn(r -> r.status() == EvidenceStatus.UNVERIFIED).hasSize(4);
        assertThat(result.evidenceCoverage()).isZero();
        assertThat(result.confirmationRatio()).isZero();
        // verified level 2 meets the CMMM gate of basic, but nothing is declared and the model lists no key indicator
        assertThat(result.tiers()).isEqualTo(new Tiers(false, false, false, false));
        assertThat(result.tierReadiness().get(0).unmet()).containsExactly(
                "link 生产作业 not covered by a deployed scenario",
                "model test-model lists no key indicators to compare with the sector");
        assertThat(result.asOf()).isEqualTo(AssessmentBuilder.SUBMITTED_AT);
    }

    @Test
    void notApplicableAnswersDoNotCountInEvidenceCoverage() {
        // A1 not applicable: 6 scored requirements remain, 4 spoken for -> 4/6
        Assessment assessment = anAssessment().grade(NOT_APPLICABLE, "A1").grade(FULL, "A2x", "A2y", "B1", "B2", "C1", "C2").build();
        MaturityResult result = new MaturityScorer(MODEL).score(assessment,
                kpis().value("networkingRate", 0.3).value("oee", 0.7).build());
        assertThat(result.evidenceCoverage()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void requirementsOfTheOtherManufacturingTypeAreLeftOut() {
        // P1 applies to PROCESS only, D1 to DISCRETE only; a PROCESS enterprise: L1 = mean(P1 FULL, A1 NONE) = 0.5
        MaturityModel model = aModel().subDomain("a", 1.0)
                .requirement("A1", "a", 1)
                .requirement("P1", "a", 1, Applicability.PROCESS)
                .requirement("D1", "a", 1, Applicability.DISCRETE).build();
        Assessment assessment = anAssessment().grade(FULL, "P1").build();
        MaturityResult process = new MaturityScorer(model).score(assessment, null,
                new EnterpriseProfile("C272", ManufacturingType.PROCESS));
        assertThat(process.declared().levelScores().get(0)).isEqualTo(0.5);
        assertThat(process.requirements()).extracting(RequirementResult::requirementId).containsExactly("A1", "P1");
        assertThat(process.sector()).isEqualTo("C272");
        // a MIXED enterprise answers all three: (0 + 1 + 0) / 3
        MaturityResult mixed = new MaturityScorer(model).score(assessment, null);
        assertThat(mixed.declared().levelScores().get(0)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void kpisOfAnotherEnterpriseAreRejected() {
        assertThatThrownBy(() -> new MaturityScorer(MODEL).score(ASSESSMENT, kpis().enterprise("ent-2").build()))
                .isInstanceOf(KpiSnapshotException.class)
                .hasMessageContaining("'ent-2'").hasMessageContaining("'ent-1'");
    }

    @Test
    void scenariosAndBenchmarksFeedTheTiers() {
        MaturityModel model = ModelLoader.builtIn("cmmm-process-v1");
        Assessment assessment = anAssessment().everyRequirementOf(model, FULL, FULL, NONE, NONE, NONE).build();
        ScenarioDeclaration declaration = new ScenarioDeclaration("ent-1", "scenarios-2025", null, List.of(
                new DeclaredScenario("production-operations.equipment-monitoring", ScenarioStatus.DEPLOYED, true, null, null)));
        SectorBenchmarks sector = SectorBenchmarks.of("C27", Map.of("oee", List.of(0.4, 0.5, 0.6),
                "rightFirstTime", List.of(0.8, 0.85, 0.9), "energyPerUnit", List.of(1.0, 2.0, 3.0)));
        // networkingRate 0.9 >= 0.8 verifies the scenario; OEE 0.55 > 0.5, RFT 0.86 > 0.85, energy 1.5 < 2: above the medians
        MaturityResult result = new MaturityScorer(model).score(assessment, kpis().value("networkingRate", 0.9)
                .value("oee", 0.55).value("rightFirstTime", 0.86).value("energyPerUnit", 1.5).build(),
                new EnterpriseProfile("C27", ManufacturingType.PROCESS), declaration, sector);
        // L1 = L2 = 1, L3 = 0: S = 2, level 2 -> basic eligible; advanced lacks 生产管理, 运营管理 and the top quartile
        assertThat(result.verified().level()).isEqualTo(2);
        assertThat(result.tiers()).isEqualTo(new Tiers(true, false, false, false));
        assertThat(result.scenarios()).extracting(ScenarioResult::evidenceStatus).containsExactly(ScenarioEvidenceStatus.VERIFIED);
        assertThat(result.scenarioCoverage().aiShare()).isEqualTo(1.0); // 1 AI scenario of 1 counted

        ScenarioDeclaration ofAnother = new ScenarioDeclaration("ent-2", "scenarios-2025", null, List.of());
        assertThatThrownBy(() -> new MaturityScorer(model).score(assessment, null, EnterpriseProfile.unknown(), ofAnother, null))
                .isInstanceOf(ScenarioDeclarationException.class)
                .hasMessageContaining("it cannot declare scenarios for enterprise 'ent-1'");
    }
}

package org.pharmamaturity.evaluation.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.evaluation.kpi.KpiSnapshotBuilder.kpis;
import static org.pharmamaturity.evaluation.model.Grade.FULL;
import static org.pharmamaturity.evaluation.model.Grade.LARGELY;
import static org.pharmamaturity.evaluation.model.Grade.NONE;
import static org.pharmamaturity.evaluation.model.Grade.NOT_APPLICABLE;
import static org.pharmamaturity.evaluation.model.Grade.PARTLY;
import static org.pharmamaturity.evaluation.model.RuleBuilder.aRule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.model.Comparison;
import org.pharmamaturity.evaluation.model.EvidenceRule;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelBuilder;
import org.pharmamaturity.evaluation.model.Requirement;

/** Declared to verified, DESIGN.md section 4 "Precisely". */
class EvidenceEvaluatorTest {

    private static final Requirement A2 = new Requirement("A2", "a", 2, "a at level 2", null, "test");
    private static final Requirement A1 = new Requirement("A1", "a", 1, "a at level 1", null, "test");
    private static final Requirement A4 = new Requirement("A4", "a", 4, "a at level 4", null, "test");
    private static final Requirement B2 = new Requirement("B2", "b", 2, "b at level 2", null, "test");

    private static Verification verify(Requirement requirement, Grade declared, KpiSnapshot kpis, EvidenceRule... rules) {
        ModelBuilder builder = ModelBuilder.aModel().subDomain("a", 0.5).subDomain("b", 0.5)
                .requirement("A1", "a", 1).requirement("A2", "a", 2).requirement("A4", "a", 4).requirement("B2", "b", 2);
        for (EvidenceRule rule : rules) {
            builder.evidenceRule(rule);
        }
        MaturityModel model = builder.build();
        return new EvidenceEvaluator(model).against(kpis).verify(requirement, declared);
    }

    @Test
    void capRuleWithCoverageAndConditionCapsTheGrade() {
        // networkingRate 0.4 < 0.5 with coverage 0.9 >= 0.8: FULL capped to PARTLY
        Verification v = verify(A2, FULL, kpis().value("networkingRate", 0.4, 0.9).build(),
                aRule("NET-CAP", "networkingRate").levels(2, 5).build());
        assertThat(v.verifiedGrade()).isEqualTo(PARTLY);
        assertThat(v.status()).isEqualTo(EvidenceStatus.CAPPED);
        assertThat(v.ruleId()).isEqualTo("NET-CAP");
        assertThat(v.appliedRule().value()).isEqualTo(0.4);
    }

    @Test
    void capNeverRaisesAGradeBelowTheCap() {
        // min(NONE = 0, PARTLY = 0.5) = NONE; the rule still spoke, so the status is CAPPED
        Verification v = verify(A2, NONE, kpis().value("networkingRate", 0.4).build(), aRule("NET-CAP", "networkingRate").build());
        assertThat(v.verifiedGrade()).isEqualTo(NONE);
        assertThat(v.status()).isEqualTo(EvidenceStatus.CAPPED);
    }

    @Test
    void theLowestOfSeveralCapsWins() {
        Verification v = verify(A2, FULL, kpis().value("networkingRate", 0.4).value("oee", 0.2).build(),
                aRule("CAP-PARTLY", "networkingRate").cap(PARTLY).build(),
                aRule("CAP-NONE", "oee").cap(NONE).build(),
                aRule("CAP-LARGELY", "oee").cap(LARGELY).build());
        assertThat(v.verifiedGrade()).isEqualTo(NONE);
        assertThat(v.ruleId()).isEqualTo("CAP-NONE");
    }

    @Test
    void aCapOutweighsAConfirmation() {
        Verification v = verify(A2, FULL, kpis().value("networkingRate", 0.4).value("oee", 0.9).build(),
                aRule("OEE-CONFIRM", "oee").when(Comparison.GREATER_OR_EQUAL, 0.6).confirm().build(),
                aRule("NET-CAP", "networkingRate").build());
        assertThat(v.status()).isEqualTo(EvidenceStatus.CAPPED);
        assertThat(v.ruleId()).isEqualTo("NET-CAP");
    }

    @Test
    void confirmRuleKeepsTheDeclaredGrade() {
        Verification v = verify(A2, LARGELY, kpis().value("networkingRate", 0.95).build(),
                aRule("NET-CONFIRM", "networkingRate").when(Comparison.GREATER_OR_EQUAL, 0.9).confirm().build());
        assertThat(v.verifiedGrade()).isEqualTo(LARGELY);
        assertThat(v.status()).isEqualTo(EvidenceStatus.CONFIRMED);
        assertThat(v.ruleId()).isEqualTo("NET-CONFIRM");
    }

    @Test
    void aRuleLackingCoverageLeavesTheGradeUnverifiedNeverCapped() {
        // value 0.1 would cap, but coverage 0.79 < minCoverage 0.8
        Verification v = verify(A2, FULL, kpis().value("networkingRate", 0.1, 0.79).build(),
                aRule("NET-CAP", "networkingRate").minCoverage(0.8).build());
        assertThat(v.verifiedGrade()).isEqualTo(FULL);
        assertThat(v.status()).isEqualTo(EvidenceStatus.UNVERIFIED);
        assertThat(v.ruleId()).isNull();
    }

    @Test
    void coverageExactlyAtTheMinimumIsEnough() {
        Verification v = verify(A2, FULL, kpis().value("networkingRate", 0.1, 0.8).build(),
                aRule("NET-CAP", "networkingRate").minCoverage(0.8).build());
        assertThat(v.status()).isEqualTo(EvidenceStatus.CAPPED);
    }

    @Test
    void aMissingIndicatorLeavesTheGradeUnverified() {
        Verification v = verify(A2, FULL, kpis().build(), aRule("NET-CAP", "networkingRate").build());
        assertThat(v.status()).isEqualTo(EvidenceStatus.UNVERIFIED);
        assertThat(v.verifiedGrade()).isEqualTo(FULL);
    }

    @Test
    void aRuleWhoseConditionDoesNotHoldLeavesTheGradeUnverified() {
        // 0.7 is neither < 0.5 (cap) nor >= 0.9 (confirm)
        Verification v = verify(A2, FULL, kpis().value("networkingRate", 0.7).build(),
                aRule("NET-CAP", "networkingRate").build(),
                aRule("NET-CONFIRM", "networkingRate").when(Comparison.GREATER_OR_EQUAL, 0.9).confirm().build());
        assertThat(v.status()).isEqualTo(EvidenceStatus.UNVERIFIED);
    }

    @Test
    void aRequirementNoRuleCoversHasNoRule() {
        // the rule speaks for sub-domain a only
        Verification v = verify(B2, FULL, kpis().value("networkingRate", 0.1).build(), aRule("NET-CAP", "networkingRate").on("a").build());
        assertThat(v.status()).isEqualTo(EvidenceStatus.NO_RULE);
        assertThat(v.verifiedGrade()).isEqualTo(FULL);
    }

    @Test
    void levelsOutsideMinAndMaxLevelAreNotCovered() {
        KpiSnapshot low = kpis().value("networkingRate", 0.1).build();
        EvidenceRule levels2to3 = aRule("NET-CAP", "networkingRate").levels(2, 3).build();
        assertThat(verify(A1, FULL, low, levels2to3).status()).isEqualTo(EvidenceStatus.NO_RULE);
        assertThat(verify(A2, FULL, low, levels2to3).status()).isEqualTo(EvidenceStatus.CAPPED);
        assertThat(verify(A4, FULL, low, levels2to3).status()).isEqualTo(EvidenceStatus.NO_RULE);
    }

    @Test
    void notApplicableRequirementsAreLeftAlone() {
        Verification v = verify(A2, NOT_APPLICABLE, kpis().value("networkingRate", 0.1).build(), aRule("NET-CAP", "networkingRate").build());
        assertThat(v.verifiedGrade()).isEqualTo(NOT_APPLICABLE);
        assertThat(v.status()).isEqualTo(EvidenceStatus.NO_RULE);
    }

    @ParameterizedTest(name = "{0} {1} 0.5 -> applies: {2}")
    @CsvSource({
            "LESS, 0.49, true", "LESS, 0.5, false",
            "LESS_OR_EQUAL, 0.5, true", "LESS_OR_EQUAL, 0.51, false",
            "GREATER, 0.51, true", "GREATER, 0.5, false",
            "GREATER_OR_EQUAL, 0.5, true", "GREATER_OR_EQUAL, 0.49, false"})
    void comparatorsAtAndAroundTheThreshold(Comparison comparator, double value, boolean applies) {
        Verification v = verify(A2, FULL, kpis().value("oee", value).build(), aRule("R", "oee").when(comparator, 0.5).build());
        assertThat(v.status()).isEqualTo(applies ? EvidenceStatus.CAPPED : EvidenceStatus.UNVERIFIED);
    }
}

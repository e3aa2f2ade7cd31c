package org.pharmamaturity.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.evaluation.kpi.KpiSnapshotBuilder.kpis;
import static org.pharmamaturity.evaluation.model.Comparison.LESS;
import static org.pharmamaturity.evaluation.model.Grade.FULL;
import static org.pharmamaturity.evaluation.model.Grade.NONE;
import static org.pharmamaturity.evaluation.model.Grade.PARTLY;
import static org.pharmamaturity.evaluation.scoring.AssessmentBuilder.anAssessment;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;

/**
 * Issue 14, point 2: a plant declares every requirement of levels 1-3 FULL and 4-5 NONE, but its evidence is poor:
 * 20 % electronic batch records, 50 % right-first-time, 80 deviations per 100 batches, OEE 0.2, 10 % energy metering,
 * all with full coverage. Under the process weights its verified level must be 2 or lower.
 */
class PoorPlantTest {

    private static final KpiSnapshot POOR_EVIDENCE = kpis()
            .value("electronicRecordCoverage", 0.20)
            .value("rightFirstTime", 0.50)
            .value("deviationsPer100Batches", 80)
            .value("oee", 0.20)
            .value("energyMeteringCoverage", 0.10)
            .build();

    private static MaturityResult score(String modelVersion) {
        MaturityModel model = ModelLoader.builtIn(modelVersion);
        return new MaturityScorer(model).score(
                anAssessment().everyRequirementOf(model, FULL, FULL, FULL, NONE, NONE).build(), POOR_EVIDENCE,
                new EnterpriseProfile("C27", ManufacturingType.PROCESS));
    }

    @Test
    void underTheProcessModelThePoorPlantIsVerifiedAtLevel2() {
        MaturityResult result = score("cmmm-process-v1");
        // Declared: L1..L3 = 1, L4 = L5 = 0 -> m = 4, S = 1 + 1 + 1 + 0 = 3 -> level 3
        assertThat(result.declared().score()).isEqualTo(3.0);
        assertThat(result.declared().level()).isEqualTo(3);
        // Verified, W = 0.07 for each 生产作业 sub-domain:
        // L2: operations PARTLY (OPS-EBR-CAP: 0.2 < 0.5), energy NONE (ENE-METERING-ABSENT-CAP: 0.1 < 0.25)
        //     L2 = 1 - 0.07 x (1 - 0.5) - 0.07 x (1 - 0) = 1 - 0.035 - 0.07 = 0.895
        // L3: operations NONE (OPS-EBR-PAPER-CAP: 0.2 < 0.25), energy NONE, maintenance PARTLY (MNT-OEE-CAP: 0.2 < 0.25)
        //     L3 = 1 - 0.07 - 0.07 - 0.035 = 0.825
        // L4 = L5 = 0 (declared NONE)
        assertThat(result.verified().levelScores().get(0)).isEqualTo(1.0);
        assertThat(result.verified().levelScores().get(1)).isCloseTo(0.895, within(1e-15));
        assertThat(result.verified().levelScores().get(2)).isCloseTo(0.825, within(1e-15));
        assertThat(result.verified().levelScores().subList(3, 5)).containsExactly(0.0, 0.0);
        // m = 4: S = 1 + 0.895 + 0.825 + 0 = 2.72 < 2.8 -> level 2
        assertThat(result.verified().score()).isCloseTo(2.72, within(1e-15));
        assertThat(result.verified().level()).isEqualTo(2);
    }

    @Test
    void itsContradictionsNameTheRulesAndValues() {
        MaturityResult result = score("cmmm-process-v1");
        // PROCESS plant: OPS-L3-03 is DISCRETE only and left out
        assertThat(result.contradictions()).extracting(Contradiction::requirementId, Contradiction::ruleId,
                        Contradiction::indicator, Contradiction::comparator, Contradiction::value, Contradiction::threshold,
                        Contradiction::declaredGrade, Contradiction::verifiedGrade)
                .containsExactlyInAnyOrder(
                        tuple("OPS-L2-01", "OPS-EBR-CAP", "electronicRecordCoverage", LESS, 0.2, 0.5, FULL, PARTLY),
                        tuple("OPS-L2-02", "OPS-EBR-CAP", "electronicRecordCoverage", LESS, 0.2, 0.5, FULL, PARTLY),
                        tuple("OPS-L3-01", "OPS-EBR-PAPER-CAP", "electronicRecordCoverage", LESS, 0.2, 0.25, FULL, NONE),
                        tuple("OPS-L3-02", "OPS-EBR-PAPER-CAP", "electronicRecordCoverage", LESS, 0.2, 0.25, FULL, NONE),
                        tuple("MNT-L3-01", "MNT-OEE-CAP", "oee", LESS, 0.2, 0.25, FULL, PARTLY),
                        tuple("ENE-L2-01", "ENE-METERING-ABSENT-CAP", "energyMeteringCoverage", LESS, 0.1, 0.25, FULL, NONE),
                        tuple("ENE-L3-01", "ENE-METERING-ABSENT-CAP", "energyMeteringCoverage", LESS, 0.1, 0.25, FULL, NONE));
    }

    @Test
    void theReferenceModelLetsTheSamePlantKeepLevel3() {
        MaturityResult result = score("cmmm-2020-reference");
        // W(operations) = W(energy) = 0.25 x 0.2 / 7 = 1/140, both capped PARTLY at L2 and L3 (no NONE rule here):
        // L2 = L3 = 1 - 2/140 x 0.5 = 0.992857; S = 1 + 2 x 0.992857 = 2.985714 -> level 3 (issue 14's "1.000 -> 0.993")
        assertThat(result.verified().levelScores().get(1)).isCloseTo(1 - 1.0 / 140, within(1e-15));
        assertThat(result.verified().score()).isCloseTo(3 - 2.0 / 140, within(1e-15));
        assertThat(result.verified().level()).isEqualTo(3);
    }
}

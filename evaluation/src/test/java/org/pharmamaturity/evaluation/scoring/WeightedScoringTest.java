package org.pharmamaturity.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.evaluation.model.Grade.FULL;
import static org.pharmamaturity.evaluation.model.Grade.NONE;
import static org.pharmamaturity.evaluation.model.Grade.PARTLY;
import static org.pharmamaturity.evaluation.scoring.AssessmentBuilder.anAssessment;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.Requirement;

/**
 * One small assessment under the three weightings: levels 1 and 2 FULL, except the level-2 requirements of the six
 * 生产作业 sub-domains PARTLY; levels 3-5 NONE; no telemetry. Only the weight of 生产作业 differs.
 */
class WeightedScoringTest {

    private static final Set<String> PRODUCTION_OPERATIONS = Set.of("manufacturing.production.planning",
            "manufacturing.production.operations", "manufacturing.production.maintenance",
            "manufacturing.production.warehousing", "manufacturing.production.ehs", "manufacturing.production.energy");

    private static MaturityResult score(String modelVersion) {
        MaturityModel model = ModelLoader.builtIn(modelVersion);
        AssessmentBuilder assessment = anAssessment().everyRequirementOf(model, FULL, FULL, NONE, NONE, NONE);
        List<Requirement> productionLevel2 = model.requirements().stream()
                .filter(r -> r.level() == 2 && PRODUCTION_OPERATIONS.contains(r.subDomain())).toList();
        // planning, maintenance, warehousing, ehs, energy 1 each, operations 2 = 7 requirements
        assertThat(productionLevel2).hasSize(7);
        productionLevel2.forEach(r -> assessment.regrade(PARTLY, r.requirementId()));
        return new MaturityScorer(model).score(assessment.build(), null,
                new EnterpriseProfile("C27", ManufacturingType.PROCESS));
    }

    @Test
    void processWeightsMakeWeakProductionCostTheLevel() {
        MaturityResult result = score("cmmm-process-v1");
        // every sub-domain takes part in L2, weights sum to 1; 生产作业 (0.42) at D = 0.5: L2 = 1 - 0.42 x 0.5 = 0.79 < 0.8
        assertThat(result.declared().levelScores()).containsExactly(1.0, 0.79, 0.0, 0.0, 0.0);
        // m = 2: S = 1 + 0.79 = 1.79 < 1.8 -> level 1
        assertThat(result.declared().score()).isEqualTo(1.79);
        assertThat(result.declared().level()).isEqualTo(1);
    }

    @Test
    void discreteWeightsGiveProductionLessWeight() {
        MaturityResult result = score("cmmm-discrete-v1");
        // 生产作业 0.37: L2 = 1 - 0.37 x 0.5 = 0.815 >= 0.8; L3 = 0 -> m = 3, S = 1 + 0.815 + 0 = 1.815 -> level 2
        assertThat(result.declared().levelScores().get(1)).isCloseTo(0.815, within(1e-15));
        assertThat(result.declared().score()).isCloseTo(1.815, within(1e-15));
        assertThat(result.declared().level()).isEqualTo(2);
        assertThat(result.modelVersion()).isEqualTo("cmmm-discrete-v1");
    }

    @Test
    void theReferenceWeightsBarelyNoticeProduction() {
        MaturityResult result = score("cmmm-2020-reference");
        // six sub-domains of W = 0.25 x 0.2 / 7 = 1/140 each: L2 = 1 - 6/140 x 0.5 = 1 - 3/140 = 0.978571
        assertThat(result.declared().levelScores().get(1)).isCloseTo(1 - 3.0 / 140, within(1e-15));
        assertThat(result.declared().level()).isEqualTo(2);
    }
}

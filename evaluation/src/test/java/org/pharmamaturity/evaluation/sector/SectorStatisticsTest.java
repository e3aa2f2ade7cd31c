package org.pharmamaturity.evaluation.sector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.evaluation.model.Grade.FULL;
import static org.pharmamaturity.evaluation.model.Grade.LARGELY;
import static org.pharmamaturity.evaluation.model.Grade.NONE;
import static org.pharmamaturity.evaluation.model.Grade.PARTLY;
import static org.pharmamaturity.evaluation.model.ModelBuilder.aModel;
import static org.pharmamaturity.evaluation.model.RuleBuilder.aRule;
import static org.pharmamaturity.evaluation.scoring.AssessmentBuilder.anAssessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.kpi.KpiSnapshotBuilder;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.scoring.MaturityResult;
import org.pharmamaturity.evaluation.scoring.MaturityScorer;

class SectorStatisticsTest {

    private static final Instant AS_OF = Instant.parse("2025-07-01T00:00:00Z");

    private static EnterpriseSummary summary(String id, double verified, int level, double declared, boolean contradiction,
                                             Map<String, Double> fulfilment) {
        return new EnterpriseSummary(id, verified, level, declared, contradiction, fulfilment);
    }

    private static final List<EnterpriseSummary> FIVE = List.of(
            summary("e1", 0.5, 0, 0.5, false, Map.of("a", 0.2)),
            summary("e2", 1.9, 2, 2.5, true, Map.of("a", 0.6, "b", 1.0)),
            summary("e3", 2.5, 2, 2.5, false, Map.of("a", 1.0)),
            summary("e4", 3.38, 3, 3.38, false, Map.of("b", 0.5)),
            summary("e5", 4.0, 4, 4.5, true, Map.of()));

    @Test
    void statisticsOverFiveEnterprises() {
        SectorStatistics stats = SectorStatistics.of("C272", AS_OF, FIVE);
        assertThat(stats.enterprises()).isEqualTo(5);
        assertThat(stats.levelDistribution()).containsExactly(Map.entry("0", 1), Map.entry("1", 0), Map.entry("2", 2),
                Map.entry("3", 1), Map.entry("4", 1), Map.entry("5", 0));
        // mean = (0.5 + 1.9 + 2.5 + 3.38 + 4.0) / 5 = 12.28 / 5 = 2.456; median of 5 sorted = 2.5
        assertThat(stats.meanScore()).isCloseTo(2.456, within(1e-12));
        assertThat(stats.medianScore()).isEqualTo(2.5);
        // level >= 2: e2, e3, e4, e5 = 4/5
        assertThat(stats.shareAtLeastLevel2()).isEqualTo(0.8);
        // contradictions: e2, e5 = 2/5
        assertThat(stats.contradictionRate()).isEqualTo(0.4);
        // declared mean = (0.5 + 2.5 + 2.5 + 3.38 + 4.5) / 5 = 13.38 / 5 = 2.676
        assertThat(stats.declaredMeanScore()).isCloseTo(2.676, within(1e-12));
        // a: (0.2 + 0.6 + 1.0) / 3 = 0.6 over the three that have it; b: (1.0 + 0.5) / 2 = 0.75
        assertThat(stats.subDomainMeans()).containsOnlyKeys("a", "b");
        assertThat(stats.subDomainMeans().get("a")).isCloseTo(0.6, within(1e-12));
        assertThat(stats.subDomainMeans().get("b")).isEqualTo(0.75);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        // scores 0.5, 1.9, 2.5, 3.38: (1.9 + 2.5) / 2 = 2.2
        assertThat(SectorStatistics.of("C272", AS_OF, FIVE.subList(0, 4)).medianScore()).isCloseTo(2.2, within(1e-12));
    }

    @Test
    void anEmptySectorIsAllZero() {
        SectorStatistics stats = SectorStatistics.of("C275", AS_OF, List.of());
        assertThat(stats.enterprises()).isZero();
        assertThat(stats.meanScore()).isZero();
        assertThat(stats.medianScore()).isZero();
        assertThat(stats.levelDistribution().values()).containsOnly(0);
    }

    @Test
    void summaryOfAResultAveragesSubDomainScoresOverTheLevelsTakingPart() {
        // a: D(1) = 1 (FULL), D(2) = (0.8 + 0.5) / 2 = 0.65 -> fulfilment (1 + 0.65) / 2 = 0.825; b: D(2) = 0 -> 0
        MaturityModel model = aModel().subDomain("a", 0.5).subDomain("b", 0.5)
                .requirement("A1", "a", 1).requirement("A2x", "a", 2).requirement("A2y", "a", 2).requirement("B2", "b", 2)
                .evidenceRule(aRule("CAP", "oee").on("b").cap(NONE).build())
                .build();
        MaturityResult result = new MaturityScorer(model).score(anAssessment()
                .grade(FULL, "A1", "B2").grade(LARGELY, "A2x").grade(PARTLY, "A2y").build(),
                KpiSnapshotBuilder.kpis().value("oee", 0.1).build());
        EnterpriseSummary summary = EnterpriseSummary.of(result);
        assertThat(summary.subDomainFulfilment()).containsOnlyKeys("a", "b");
        assertThat(summary.subDomainFulfilment().get("a")).isCloseTo(0.825, within(1e-12));
        assertThat(summary.subDomainFulfilment().get("b")).isZero();
        // B2 FULL capped to NONE: a contradiction
        assertThat(summary.hasContradiction()).isTrue();
        // declared: L1 = 1, L2 = 0.5 x 0.65 + 0.5 x 1 = 0.825 -> S = 1.825; verified L2 = 0.325 -> S = 1.325
        assertThat(summary.declaredScore()).isCloseTo(1.825, within(1e-12));
        assertThat(summary.verifiedScore()).isCloseTo(1.325, within(1e-12));
        assertThat(summary.verifiedLevel()).isEqualTo(1);
    }
}

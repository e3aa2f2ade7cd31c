package org.pharmamaturity.evaluation.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.pharmamaturity.evaluation.kpi.KpiSnapshotBuilder.kpis;
import static org.pharmamaturity.evaluation.tier.SmartFactoryTier.ADVANCED;
import static org.pharmamaturity.evaluation.tier.SmartFactoryTier.BASIC;
import static org.pharmamaturity.evaluation.tier.SmartFactoryTier.EXCELLENT;
import static org.pharmamaturity.evaluation.tier.SmartFactoryTier.LEADING;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.json.DataFileException;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.model.BetterDirection;
import org.pharmamaturity.evaluation.model.KeyIndicator;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogueReader;
import org.pharmamaturity.evaluation.scenario.ScenarioCoverage;
import org.pharmamaturity.evaluation.scoring.Tiers;

/**
 * Each tier gate on its own, met and unmet each way. The starting point passes every gate the region can judge:
 * level 4, all five tier links covered, AI share 0.6, OEE and energy per unit in the sector's best quarter.
 */
class TierJudgeTest {

    private static final ScenarioCatalogue CATALOGUE = ScenarioCatalogueReader.builtIn();
    private static final TierJudge JUDGE = new TierJudge(TierConditionsReader.builtIn(), CATALOGUE);
    private static final List<String> ALL_LINKS = List.of("factory-construction", "rnd-design", "production-operations",
            "production-management", "operations-management");
    private static final List<KeyIndicator> KEYS = List.of(new KeyIndicator("oee", BetterDirection.HIGHER),
            new KeyIndicator("energyPerUnit", BetterDirection.LOWER));
    /** Sector quartiles: OEE 0.48 / 0.52 / 0.60, energy per unit 1.6 / 2.1 / 2.4. */
    private static final SectorBenchmarks SECTOR = new SectorBenchmarks("C27", Map.of(
            "oee", new IndicatorBenchmark(5, 0.48, 0.52, 0.60),
            "energyPerUnit", new IndicatorBenchmark(5, 1.6, 2.1, 2.4)));

    private int level = 4;
    private List<String> links = ALL_LINKS;
    private int counted = 5;
    private int ai = 3;
    private KpiSnapshot values = kpis().value("oee", 0.60).value("energyPerUnit", 1.6).build();
    private List<KeyIndicator> keys = KEYS;
    private SectorBenchmarks sector = SECTOR;

    private List<TierReadiness> judge() {
        ScenarioCoverage coverage = new ScenarioCoverage("scenarios-2025", counted, 0, counted, ai,
                counted == 0 ? 0 : (double) ai / counted, links);
        return JUDGE.judge(level, coverage, keys, "cmmm-process-v1", values, sector);
    }

    private List<String> unmet(SmartFactoryTier tier) {
        return judge().get(tier.ordinal()).unmet();
    }

    @Test
    void everyGateMetLeavesOnlyTheLeadershipTheRegionCannotJudge() {
        List<TierReadiness> readiness = judge();
        assertThat(readiness).extracting(TierReadiness::tier).containsExactly(BASIC, ADVANCED, EXCELLENT, LEADING);
        assertThat(readiness.get(0)).isEqualTo(new TierReadiness(BASIC, true, List.of()));
        assertThat(readiness.get(1)).isEqualTo(new TierReadiness(ADVANCED, true, List.of()));
        assertThat(readiness.get(2)).isEqualTo(new TierReadiness(EXCELLENT, false,
                List.of("national leadership not judged from regional data")));
        assertThat(readiness.get(3)).isEqualTo(new TierReadiness(LEADING, false,
                List.of("global leadership not judged from regional data")));
        assertThat(Tiers.of(readiness)).isEqualTo(new Tiers(true, true, false, false));
    }

    @Test
    void levelGate() {
        level = 1;
        assertThat(unmet(BASIC)).containsExactly("verified level 1 < 2");
        assertThat(unmet(ADVANCED)).containsExactly("verified level 1 < 2");
        level = 2;
        assertThat(unmet(BASIC)).isEmpty();
        assertThat(unmet(EXCELLENT)).first().isEqualTo("verified level 2 < 3");
        level = 3;
        assertThat(unmet(EXCELLENT)).doesNotContain("verified level 3 < 3");
        assertThat(unmet(LEADING)).first().isEqualTo("verified level 3 < 4");
    }

    @Test
    void linkGate() {
        links = List.of("production-management", "operations-management");
        assertThat(unmet(BASIC)).containsExactly("link 生产作业 not covered by a deployed scenario");
        links = List.of("production-operations");
        assertThat(unmet(BASIC)).isEmpty();
        assertThat(unmet(ADVANCED)).containsExactly("link 生产管理 not covered by a deployed scenario",
                "link 运营管理 not covered by a deployed scenario");
        links = List.of("factory-construction", "production-operations", "production-management", "operations-management");
        assertThat(unmet(ADVANCED)).isEmpty();
        assertThat(unmet(EXCELLENT)).first().isEqualTo("link 研发设计 not covered by a deployed scenario");
        assertThat(unmet(LEADING)).first().isEqualTo("link 研发设计 not covered by a deployed scenario");
    }

    @Test
    void aiShareGate() {
        counted = 10;
        ai = 1; // 1 / 10 = 10 %
        assertThat(unmet(EXCELLENT)).first().isEqualTo("AI share 10 % < 20 %");
        assertThat(unmet(BASIC)).isEmpty(); // basic and advanced ask no AI share
        assertThat(unmet(ADVANCED)).isEmpty();
        ai = 2; // 20 % exactly: the gate is "at least"
        assertThat(unmet(EXCELLENT)).containsExactly("national leadership not judged from regional data");
        counted = 3;
        ai = 1; // 1 / 3 = 33.3 %
        assertThat(unmet(LEADING)).first().isEqualTo("AI share 33.3 % < 60 %");
        counted = 0;
        ai = 0;
        assertThat(unmet(EXCELLENT)).first().isEqualTo("AI share 0 % < 20 % (no deployed, not contradicted scenario)");
    }

    @Test
    void keyIndicatorsAboveTheSectorMedianForBasic() {
        // OEE 0.53 > 0.52 and energy 2.0 < 2.1: above the median on both, not in the best quarter
        values = kpis().value("oee", 0.53).value("energyPerUnit", 2.0).build();
        assertThat(unmet(BASIC)).isEmpty();
        // on the median is not above it; for energy per unit lower is better
        values = kpis().value("oee", 0.52).value("energyPerUnit", 2.1).build();
        assertThat(unmet(BASIC)).containsExactly("oee 0.52 not above the sector median 0.52",
                "energyPerUnit 2.1 not below the sector median 2.1");
        values = kpis().value("oee", 0.4).value("energyPerUnit", 2.2).build();
        assertThat(unmet(BASIC)).containsExactly("oee 0.4 not above the sector median 0.52",
                "energyPerUnit 2.2 not below the sector median 2.1");
    }

    @Test
    void keyIndicatorsInTheTopQuartileFromAdvancedOn() {
        // on the bound is in the best quarter: OEE 0.60 >= 0.60, energy 1.6 <= 1.6 (the starting point)
        assertThat(unmet(ADVANCED)).isEmpty();
        values = kpis().value("oee", 0.59).value("energyPerUnit", 1.7).build();
        assertThat(unmet(BASIC)).isEmpty();
        assertThat(unmet(ADVANCED)).containsExactly("oee 0.59 not in the sector's top quartile (>= 0.6)",
                "energyPerUnit 1.7 not in the sector's top quartile (<= 1.6)");
        assertThat(unmet(EXCELLENT)).contains("oee 0.59 not in the sector's top quartile (>= 0.6)");
    }

    @Test
    void keyIndicatorsWithoutReferenceValueOrCoverage() {
        sector = new SectorBenchmarks("C27", Map.of("oee", new IndicatorBenchmark(5, 0.48, 0.52, 0.60)));
        assertThat(unmet(BASIC)).containsExactly("energyPerUnit: no sector reference yet");
        sector = null;
        assertThat(unmet(BASIC)).containsExactly("oee: no sector reference yet", "energyPerUnit: no sector reference yet");
        sector = SECTOR;
        // energy per unit absent; OEE with coverage 0.7 < 0.8
        values = kpis().value("oee", 0.9, 0.7).build();
        assertThat(unmet(BASIC)).containsExactly("oee: no value with coverage >= 0.8",
                "energyPerUnit: no value with coverage >= 0.8");
        values = null;
        assertThat(unmet(BASIC)).hasSize(2);
        keys = List.of();
        assertThat(unmet(BASIC)).containsExactly("model cmmm-process-v1 lists no key indicators to compare with the sector");
    }

    @Test
    void quartilesByLinearInterpolation() {
        // sorted 0.5, 0.6, 0.7, 0.9: p25 at position 0.75 -> 0.5 + 0.75 x 0.1 = 0.575; median at 1.5 -> 0.65;
        // p75 at 2.25 -> 0.7 + 0.25 x 0.2 = 0.75
        IndicatorBenchmark four = IndicatorBenchmark.of(List.of(0.9, 0.5, 0.7, 0.6));
        assertThat(four.enterprises()).isEqualTo(4);
        assertThat(four.lowerQuartile()).isCloseTo(0.575, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(four.median()).isCloseTo(0.65, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(four.upperQuartile()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
        // five values: the quartiles are the 2nd, 3rd and 4th values
        assertThat(IndicatorBenchmark.of(List.of(0.70, 0.40, 0.60, 0.52, 0.48))).isEqualTo(new IndicatorBenchmark(5, 0.48, 0.52, 0.60));
        assertThat(IndicatorBenchmark.of(List.of(3.0))).isEqualTo(new IndicatorBenchmark(1, 3.0, 3.0, 3.0));
        assertThat(SectorBenchmarks.of("C27", Map.of("oee", List.of(), "mkt", List.of(25.0))).indicators())
                .containsOnlyKeys("mkt");
    }

    @Test
    void theBuiltInConditionsCarryThePublishedGates() {
        TierConditions conditions = TierConditionsReader.builtIn();
        assertThat(conditions.tiers()).extracting(TierCondition::minLevel).containsExactly(2, 2, 3, 4);
        assertThat(conditions.tiers()).extracting(TierCondition::minAiShare).containsExactly(null, null, 0.2, 0.6);
        assertThat(conditions.of(BASIC).tierLinks()).containsExactly("production-operations");
        assertThat(conditions.of(ADVANCED).tierLinks())
                .containsExactly("production-operations", "production-management", "operations-management");
        assertThat(conditions.of(EXCELLENT).tierLinks()).containsExactlyElementsOf(ALL_LINKS);
        assertThat(conditions.of(LEADING).tierLinks()).containsExactlyElementsOf(ALL_LINKS);
        assertThat(conditions.tiers()).extracting(TierCondition::keyIndicators).containsExactly(
                KeyIndicatorGate.ABOVE_MEDIAN, KeyIndicatorGate.TOP_QUARTILE, KeyIndicatorGate.TOP_QUARTILE,
                KeyIndicatorGate.TOP_QUARTILE);
        assertThat(conditions.tiers()).extracting(TierCondition::leadership).containsExactly(null, null, "national", "global");
        assertThat(conditions.source()).startsWith("public-summary");
    }

    @Test
    void badConditionsAreRejected() {
        DataFileException e = catchThrowableOfType(DataFileException.class, () -> TierConditionsReader.read("""
                {"version": "t", "source": "s", "keyIndicatorMinCoverage": 1.5, "tiers": [
                  {"tier": "advanced", "minLevel": 6, "tierLinks": [], "minAiShare": 1.2, "keyIndicators": "TOP_QUARTILE"}]}
                """, "t.json"));
        assertThat(e.problems()).containsExactly(
                "keyIndicatorMinCoverage: 1.5 is outside [0, 1]",
                "tiers: expected basic, advanced, excellent, leading in that order, got [ADVANCED]",
                "tier advanced: minLevel 6 is outside 1-5",
                "tier advanced: minAiShare 1.2 is outside [0, 1]");
        TierConditions unknownLink = new TierConditions("t", "s", 0.8, List.of(
                new TierCondition(BASIC, 2, List.of("marketing"), null, KeyIndicatorGate.ABOVE_MEDIAN, null),
                new TierCondition(ADVANCED, 2, List.of(), null, KeyIndicatorGate.TOP_QUARTILE, null),
                new TierCondition(EXCELLENT, 3, List.of(), 0.2, KeyIndicatorGate.TOP_QUARTILE, "national"),
                new TierCondition(LEADING, 4, List.of(), 0.6, KeyIndicatorGate.TOP_QUARTILE, "global")));
        assertThat(catchThrowableOfType(DataFileException.class, () -> new TierJudge(unknownLink, CATALOGUE)).problems())
                .containsExactly("tier link 'marketing' is not in scenario catalogue scenarios-2025");
    }
}

package org.pharmamaturity.streams.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.pharmamaturity.streams.testing.TwoPlants.APC;
import static org.pharmamaturity.streams.testing.TwoPlants.BUSINESS_DECISIONS;
import static org.pharmamaturity.streams.testing.TwoPlants.INSPECTION;
import static org.pharmamaturity.streams.testing.TwoPlants.PRODUCT_DESIGN;
import static org.pharmamaturity.streams.testing.TwoPlants.PROGRESS_TRACKING;
import static org.pharmamaturity.streams.testing.TwoPlants.QUALITY_ANALYSIS;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ModelChoice;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.KpiBenchmark;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.schemas.avro.TierReadiness;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.testing.PipelineDriver;
import org.pharmamaturity.streams.testing.TwoPlants;

/**
 * A PROCESS and a DISCRETE plant of one sector ({@link TwoPlants}) through the whole pipeline with the built-in
 * models, catalogue and tier conditions: each one's model, verified level, scenario evidence, link coverage, AI
 * share and four tier verdicts, and the sector's key-indicator benchmarks, tier and scenario counts, all computed
 * by hand.
 *
 * <p>Levels: both declare every requirement of levels 1 and 2 FULL and no evidence rule caps a level-1 or level-2
 * grade (key-process digital control 2 / 2 = 1 with coverage 1 only CONFIRMs; the networking rates' coverage,
 * at most 3 h / 24 h, is below every rule's 0.9), so under either weighting L1 = L2 = 1, L3 = 0 and, by rule A,
 * S = 1 + 1 + 0 = 2: verified level 2.
 *
 * <p>Benchmarks: only rightFirstTime has values (P 1, D 0.5; coverage 1); sorted [0.5, 1], QUARTILE.INC at
 * positions p(n - 1) = 0.25, 0.5, 0.75: lower 0.5 + 0.25 * 0.5 = 0.625, median 0.75, upper 0.875. Neither plant
 * has an OEE or an energy per unit, so those indicators have no sector reference.
 */
class TierReadinessTopologyTest {

    private static final String SECTOR = "C27";
    private PipelineDriver driver;

    @BeforeEach
    void feedBothPlants() {
        driver = new PipelineDriver(TopologySettings.DEFAULTS.withPublishInterval(java.time.Duration.ZERO),
                ModelRegistry.builtIn(), ModelChoice.builtIn());
        for (TwoPlants.Input input : TwoPlants.inputs("", SECTOR)) {
            pipe(input.topic(), input.key(), input.value());
        }
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void theFirstResultHasNoSectorRecordToCompareWith() {
        // P's assessment is the first scored: maturity.sector has no record of C27 yet, and P has not declared
        // its scenarios yet
        EnterpriseMaturity p = driver.read(Topic.MATURITY_ENTERPRISE).stream().filter(r -> r.key.equals("P"))
                .findFirst().orElseThrow().value;
        assertThat(unmet(p, "basic")).containsExactly("link 生产作业 not covered by a deployed scenario",
                "oee: no sector reference yet",
                "rightFirstTime: no sector reference yet", "energyPerUnit: no sector reference yet");
    }

    @Test
    void eachPlantIsJudgedAgainstItsSectorsBenchmarks() {
        // the wall-clock check finds the benchmarks changed since both were scored and re-scores them
        driver.advanceWallClock(TopologySettings.DEFAULTS.checkInterval());

        java.util.Map<String, EnterpriseMaturity> results = driver.latest(Topic.MATURITY_ENTERPRISE);
        EnterpriseMaturity p = results.get("P");
        assertThat(p.getModelVersion()).isEqualTo("cmmm-process-v1");
        assertThat(p.getVerified().getScore()).isEqualTo(2.0);
        assertThat(p.getVerified().getLevel()).isEqualTo(2);
        assertThat(p.getScenarios()).extracting(ScenarioAssessment::getScenarioId,
                ScenarioAssessment::getEvidenceStatus, ScenarioAssessment::getReason).containsExactly(
                        // rightFirstTime 1 >= 0.9 (coverage 1 >= 0.8), and deviations 0 <= 15
                        tuple(INSPECTION, ScenarioEvidenceStatus.VERIFIED, "rightFirstTime 1.0 >= 0.9"),
                        // key-process digital control 2 / 2 = 1 >= 0.9 (coverage 1 >= 0.9)
                        tuple(APC, ScenarioEvidenceStatus.VERIFIED, "keyProcessDigitalControlRate 1.0 >= 0.9"),
                        // no evidencing indicator in the catalogue
                        tuple(PROGRESS_TRACKING, ScenarioEvidenceStatus.UNVERIFIED,
                                "no evidencing indicator has a value with enough coverage"),
                        tuple(BUSINESS_DECISIONS, ScenarioEvidenceStatus.NOT_DEPLOYED, null));
        // counted (deployed, not contradicted): inspection and APC (生产作业), progress tracking (生产管理)
        assertThat(p.getLinkCoverage()).containsExactly("production-operations", "production-management");
        // of those 3, inspection uses AI: 1 / 3
        assertThat(p.getAiShare()).isEqualTo(1 / 3.0);
        assertThat(unmet(p, "basic")).containsExactly("oee: no sector reference yet",
                // rightFirstTime 1 > median 0.75: met
                "energyPerUnit: no sector reference yet");
        assertThat(unmet(p, "advanced")).containsExactly("link 运营管理 not covered by a deployed scenario",
                // rightFirstTime 1 >= upper quartile 0.875: met
                "oee: no sector reference yet", "energyPerUnit: no sector reference yet");
        assertThat(unmet(p, "excellent")).containsExactly("verified level 2 < 3",
                "link 工厂建设 not covered by a deployed scenario", "link 研发设计 not covered by a deployed scenario",
                "link 运营管理 not covered by a deployed scenario",
                // AI share 33.3 % >= 20 %: met
                "oee: no sector reference yet", "energyPerUnit: no sector reference yet",
                "national leadership not judged from regional data");
        assertThat(unmet(p, "leading")).containsExactly("verified level 2 < 4",
                "link 工厂建设 not covered by a deployed scenario", "link 研发设计 not covered by a deployed scenario",
                "link 运营管理 not covered by a deployed scenario", "AI share 33.3 % < 60 %",
                "oee: no sector reference yet", "energyPerUnit: no sector reference yet",
                "global leadership not judged from regional data");
        assertThat(p.getTierReadiness()).extracting(TierReadiness::getEligible).containsOnly(false);

        EnterpriseMaturity d = results.get("D");
        assertThat(d.getModelVersion()).isEqualTo("cmmm-discrete-v1");
        assertThat(d.getVerified().getLevel()).isEqualTo(2);
        assertThat(d.getScenarios()).extracting(ScenarioAssessment::getScenarioId,
                ScenarioAssessment::getEvidenceStatus, ScenarioAssessment::getReason).containsExactly(
                        // rightFirstTime 1 / 2 = 0.5 fails >= 0.9
                        tuple(QUALITY_ANALYSIS, ScenarioEvidenceStatus.CONTRADICTED, "rightFirstTime 0.5 not >= 0.9"),
                        tuple(APC, ScenarioEvidenceStatus.VERIFIED, "keyProcessDigitalControlRate 1.0 >= 0.9"),
                        tuple(PRODUCT_DESIGN, ScenarioEvidenceStatus.UNVERIFIED,
                                "no evidencing indicator has a value with enough coverage"));
        // counted: APC (生产作业) and product design (研发设计); the contradicted one covers nothing
        assertThat(d.getLinkCoverage()).containsExactly("rnd-design", "production-operations");
        // of those 2, product design uses AI: 1 / 2
        assertThat(d.getAiShare()).isEqualTo(0.5);
        assertThat(unmet(d, "basic")).containsExactly("oee: no sector reference yet",
                "rightFirstTime 0.5 not above the sector median 0.75", "energyPerUnit: no sector reference yet");
        assertThat(unmet(d, "advanced")).containsExactly("link 生产管理 not covered by a deployed scenario",
                "link 运营管理 not covered by a deployed scenario", "oee: no sector reference yet",
                "rightFirstTime 0.5 not in the sector's top quartile (>= 0.875)",
                "energyPerUnit: no sector reference yet");
        assertThat(unmet(d, "leading")).containsExactly("verified level 2 < 4",
                "link 工厂建设 not covered by a deployed scenario", "link 生产管理 not covered by a deployed scenario",
                "link 运营管理 not covered by a deployed scenario", "AI share 50 % < 60 %",
                "oee: no sector reference yet", "rightFirstTime 0.5 not in the sector's top quartile (>= 0.875)",
                "energyPerUnit: no sector reference yet", "global leadership not judged from regional data");
        assertThat(d.getTiers().getBasic()).isFalse();

        SectorMaturity sector = driver.latest(Topic.MATURITY_SECTOR).get(SECTOR);
        assertThat(sector.getKpiBenchmarks()).containsOnlyKeys("rightFirstTime");
        // n = 2; 0.625 / 0.75 / 0.875 (see the class comment)
        assertThat(sector.getKpiBenchmarks().get("rightFirstTime")).isEqualTo(new KpiBenchmark(2, 0.625, 0.75, 0.875));
        assertThat(sector.getTierCounts()).containsOnly(java.util.Map.entry("basic", 0),
                java.util.Map.entry("advanced", 0), java.util.Map.entry("excellent", 0),
                java.util.Map.entry("leading", 0));
        // deployed: P 3 + D 3 = 6; verified: P 2 (inspection, APC) + D 1 (APC) = 3
        assertThat(sector.getScenariosDeployed()).isEqualTo(6);
        assertThat(sector.getScenariosVerified()).isEqualTo(3);
        // both at level 2: none at 3 or above, both at 2 or above
        assertThat(sector.getShareAtLeastLevel3()).isEqualTo(0.0);
        assertThat(sector.getShareAtLeastLevel2()).isEqualTo(1.0);
    }

    @Test
    void aSecondCheckWithUnchangedBenchmarksPublishesNothing() {
        driver.advanceWallClock(TopologySettings.DEFAULTS.checkInterval());
        int published = driver.read(Topic.MATURITY_ENTERPRISE).size();
        assertThat(published).isPositive();

        driver.advanceWallClock(TopologySettings.DEFAULTS.checkInterval());
        assertThat(driver.read(Topic.MATURITY_ENTERPRISE)).isEmpty();
    }

    private static List<String> unmet(EnterpriseMaturity result, String tier) {
        return result.getTierReadiness().stream().filter(t -> t.getTier().equals(tier)).findFirst().orElseThrow()
                .getUnmet();
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> void pipe(Topic<V> topic, String key, SpecificRecord value) {
        driver.pipe(topic, key, (V) value);
    }
}

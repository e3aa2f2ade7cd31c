package org.pharmamaturity.streams.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.title;
import static org.pharmamaturity.streams.testing.TestRecords.titleKey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.streams.config.ProgrammeTargets;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * maturity.programme through the whole pipeline, judged on the driver's wall clock (2025-03-10). Three
 * enterprises answer every requirement FULL up to a level and none above, with no KPIs (verified = declared, no
 * contradiction): E1 up to 2 (L = 1, 1, 0, 0, 0: S = 2, level 2: one level short of a pioneer, so close), E2 up to
 * 3 (S = 3, level 3) and E3 up to 5 (S = 5, level 5): pioneer candidates. None declares a scenario, so the excellent
 * tier misses its five links and its AI share (more than one judged condition: nobody close to a benchmark), and
 * no scenario is a candidate. Targets set to 2 / 3 / 4 to show they come from the settings.
 */
class ProgrammeTopologyTest {

    private static final String SCENARIO = "factory-construction.digital-infrastructure";
    private static final LocalDate TODAY = LocalDate.parse("2025-03-10");

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = new PipelineDriver(TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO)
                .withCloseMargin(Duration.ZERO).withProgrammeTargets(new ProgrammeTargets(2, 3, 4)));
        assess("E1", "C272", 2);
        assess("E2", "C271", 3);
        assess("E3", "C272", 5);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void candidatesComeFromThePublishedResults() {
        ProgrammeProgress progress = latest();
        assertThat(progress.getEvaluationDay()).isEqualTo(TODAY);
        assertThat(progress.getPioneer().getTarget()).isEqualTo(3);
        // E2: level 3, E3: level 5, both >= 3 without contradiction
        assertThat(progress.getPioneer().getCandidateIds()).containsExactly("E2", "E3");
        // E1: level 2 (one short), no contradiction
        assertThat(progress.getPioneer().getCloseCandidateIds()).containsExactly("E1");
        assertThat(progress.getBenchmark().getTarget()).isEqualTo(2);
        assertThat(progress.getBenchmark().getCandidates()).isZero();
        assertThat(progress.getBenchmark().getCloseCandidates()).isZero();
        assertThat(progress.getScenario().getTarget()).isEqualTo(4);
        assertThat(progress.getScenario().getCandidates()).isZero();
        assertThat(driver.<ProgrammeProgress>store(StoreNames.MATURITY_PROGRAMME).get("shanghai-pharma"))
                .isEqualTo(progress);
    }

    @Test
    void validAwardsCountAndATombstoneRevokes() {
        TitleAward pioneer = title("E3", Title.PIONEER_ENTERPRISE, null, null);
        TitleAward scenario = title("E1", Title.TYPICAL_SCENARIO, SCENARIO, TODAY);
        TitleAward expired = title("E2", Title.BENCHMARK_SMART_FACTORY, null, TODAY.minusDays(1));
        List.of(pioneer, scenario, expired).forEach(award -> driver.pipe(Topic.REF_TITLE, titleKey(award), award));
        ProgrammeProgress progress = latest();
        assertThat(progress.getPioneer().getAwardedIds()).containsExactly("E3");
        // an award does not remove a candidate: E2 and E3 are still both listed
        assertThat(progress.getPioneer().getCandidates()).isEqualTo(2);
        // expires today: still valid today
        assertThat(progress.getScenario().getAwardedIds()).containsExactly("E1|" + SCENARIO);
        // expired yesterday: 0 benchmark awards
        assertThat(progress.getBenchmark().getAwarded()).isZero();

        driver.pipeBytes(Topic.REF_TITLE.name(), "E3|PIONEER_ENTERPRISE".getBytes(StandardCharsets.UTF_8), null,
                PipelineDriver.WALL_CLOCK);
        ProgrammeProgress revoked = latest();
        assertThat(revoked.getPioneer().getAwarded()).isZero();
        assertThat(revoked.getScenario().getAwarded()).isEqualTo(1);
    }

    @Test
    void anAwardStopsCountingTheDayAfterItExpires() {
        TitleAward scenario = title("E1", Title.TYPICAL_SCENARIO, SCENARIO, TODAY);
        driver.pipe(Topic.REF_TITLE, titleKey(scenario), scenario);
        assertThat(latest().getScenario().getAwarded()).isEqualTo(1);
        // nothing else arrives; the day check republishes on 2025-03-11, when the award has expired
        driver.advanceWallClock(Duration.ofDays(1));
        ProgrammeProgress nextDay = latest();
        assertThat(nextDay.getEvaluationDay()).isEqualTo(TODAY.plusDays(1));
        assertThat(nextDay.getScenario().getAwarded()).isZero();
    }

    @Test
    void aBadTitleIsSkippedHereAndTheProgressStandsUnchanged() {
        int published = driver.read(Topic.MATURITY_PROGRAMME).size();
        TitleAward unknownScenario = title("E1", Title.TYPICAL_SCENARIO, "no-such-scenario", null);
        driver.pipe(Topic.REF_TITLE, titleKey(unknownScenario), unknownScenario);
        // the reference audit dead-letters it (ReferenceAuditTopologyTest); here it changes nothing
        assertThat(driver.read(Topic.MATURITY_PROGRAMME)).isEmpty();
        assertThat(published).isPositive();
        assertThat(driver.<ProgrammeProgress>store(StoreNames.MATURITY_PROGRAMME).get("shanghai-pharma")
                .getScenario().getAwarded()).isZero();
    }

    @Test
    void withAPublishIntervalTheProgrammeIsPublishedOncePerInterval() {
        try (PipelineDriver batching = new PipelineDriver(TopologySettings.DEFAULTS.withCloseMargin(Duration.ZERO))) {
            TitleAward pioneer = title("E3", Title.PIONEER_ENTERPRISE, null, null);
            TitleAward benchmark = title("E3", Title.BENCHMARK_SMART_FACTORY, null, null);
            batching.pipe(Topic.REF_TITLE, titleKey(pioneer), pioneer);
            batching.pipe(Topic.REF_TITLE, titleKey(benchmark), benchmark);
            assertThat(batching.read(Topic.MATURITY_PROGRAMME)).isEmpty();
            // one interval (PT1S) later: one record carrying both awards
            batching.advanceWallClock(TopologySettings.DEFAULTS.publishInterval());
            List<KeyValue<String, ProgrammeProgress>> published =
                    batching.read(Topic.MATURITY_PROGRAMME);
            assertThat(published).hasSize(1);
            assertThat(published.get(0).value.getPioneer().getAwardedIds()).containsExactly("E3");
            assertThat(published.get(0).value.getBenchmark().getAwardedIds()).containsExactly("E3");
        }
    }

    /** Every requirement up to {@code level} FULL, none above; no KPIs, so verified = declared. */
    private void assess(String enterpriseId, String sector, int level) {
        driver.pipe(Topic.REF_ENTERPRISE, enterpriseId, enterprise(enterpriseId, sector));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, enterpriseId, assessment(enterpriseId, "A-" + enterpriseId,
                "2025-03-01T00:00:00Z", Answers.fullUpTo(level)));
    }

    private ProgrammeProgress latest() {
        return driver.latest(Topic.MATURITY_PROGRAMME).get("shanghai-pharma");
    }
}

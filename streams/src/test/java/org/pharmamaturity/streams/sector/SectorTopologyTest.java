package org.pharmamaturity.streams.sector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * Sector statistics over the verified view. Three enterprises with scores that are easy to work out (no KPIs,
 * so verified = declared): E1 answers levels 1-2 FULL (L = 1, 1, 0, 0, 0: S = 2, level 2); E2 answers nothing
 * (L1 = 0: S = 0, level 0); E3 answers everything FULL (S = 5, level 5). E1 and E3 are in C272, E2 in C271.
 */
class SectorTopologyTest {

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = new PipelineDriver();
        assessThreeEnterprises(driver);
    }

    /** E1 (S = 2) and E3 (S = 5) in C272, E2 (S = 0) in C271. */
    static void assessThreeEnterprises(PipelineDriver driver) {
        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        driver.pipe(Topic.REF_ENTERPRISE, "E2", enterprise("E2", "C271"));
        driver.pipe(Topic.REF_ENTERPRISE, "E3", enterprise("E3", "C272"));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E2", assessment("E2", "A2", "2025-03-01T00:00:00Z", Map.of()));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E3", assessment("E3", "A3", "2025-03-01T00:00:00Z", Answers.fullUpTo(5)));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void statisticsPerSectorAndForAll() {
        Map<String, SectorMaturity> sectors = driver.latest(Topic.MATURITY_SECTOR);
        SectorMaturity c272 = sectors.get("C272");
        assertThat(c272.getEnterprises()).isEqualTo(2);
        assertThat(c272.getMeanScore()).isCloseTo(3.5, within(1e-12)); // (2 + 5) / 2
        assertThat(c272.getMedianScore()).isCloseTo(3.5, within(1e-12)); // middle of 2 and 5
        assertThat(c272.getShareAtLeastLevel2()).isEqualTo(1.0); // levels 2 and 5
        assertThat(c272.getLevelDistribution()).containsEntry("2", 1).containsEntry("5", 1).containsEntry("0", 0);
        assertThat(c272.getDeclaredMeanScore()).isCloseTo(3.5, within(1e-12));
        assertThat(c272.getContradictionRate()).isZero();
        // people.strategy has requirements at levels 1-5: E1's D = 1, 1, 0, 0, 0 (mean 0.4), E3's all 1; mean 0.7.
        assertThat(c272.getSubDomainMeans().get("people.strategy")).isCloseTo(0.7, within(1e-12));
        assertThat(c272.getModelVersion()).isEqualTo("cmmm-2020-reference");

        SectorMaturity c271 = sectors.get("C271");
        assertThat(c271.getEnterprises()).isEqualTo(1);
        assertThat(c271.getMeanScore()).isZero();
        assertThat(c271.getLevelDistribution()).containsEntry("0", 1);

        SectorMaturity all = sectors.get(StoreNames.ALL_SECTORS);
        assertThat(all.getEnterprises()).isEqualTo(3);
        assertThat(all.getMeanScore()).isCloseTo(7.0 / 3, within(1e-12)); // (2 + 0 + 5) / 3
        assertThat(all.getMedianScore()).isCloseTo(2.0, within(1e-12)); // 0, 2, 5
        assertThat(all.getShareAtLeastLevel2()).isCloseTo(2.0 / 3, within(1e-12));

        assertThat(driver.<SectorMaturity>store(StoreNames.MATURITY_SECTOR).get("C272").getEnterprises()).isEqualTo(2);
    }

    @Test
    void aNewResultReplacesTheEnterprisesContribution() {
        driver.read(Topic.MATURITY_SECTOR);
        // E1 resubmits everything FULL: S 2 -> 5. C272 still has two enterprises, now 5 and 5.
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1b", "2025-03-02T00:00:00Z", Answers.fullUpTo(5)));
        SectorMaturity c272 = driver.latest(Topic.MATURITY_SECTOR).get("C272");
        assertThat(c272.getEnterprises()).isEqualTo(2);
        assertThat(c272.getMeanScore()).isCloseTo(5.0, within(1e-12));
        assertThat(c272.getLevelDistribution()).containsEntry("2", 0).containsEntry("5", 2);
    }

    @Test
    void anEnterpriseThatMovesSectorLeavesTheOldOne() {
        driver.read(Topic.MATURITY_SECTOR);
        driver.read(Topic.MATURITY_ENTERPRISE);
        driver.pipe(Topic.REF_ENTERPRISE, "E3", enterprise("E3", "C271"));
        // The move is found by the wall-clock check (every minute by default).
        driver.advanceWallClock(Duration.ofMinutes(1));

        EnterpriseMaturity e3 = driver.latest(Topic.MATURITY_ENTERPRISE).get("E3");
        assertThat(e3.getSector()).isEqualTo("C271");
        Map<String, SectorMaturity> sectors = driver.latest(Topic.MATURITY_SECTOR);
        SectorMaturity c272 = sectors.get("C272");
        assertThat(c272.getEnterprises()).isEqualTo(1); // E1 only
        assertThat(c272.getMeanScore()).isCloseTo(2.0, within(1e-12));
        SectorMaturity c271 = sectors.get("C271");
        assertThat(c271.getEnterprises()).isEqualTo(2); // E2 and E3
        assertThat(c271.getMeanScore()).isCloseTo(2.5, within(1e-12)); // (0 + 5) / 2
        assertThat(c271.getMedianScore()).isCloseTo(2.5, within(1e-12));
        assertThat(c271.getShareAtLeastLevel2()).isCloseTo(0.5, within(1e-12));
        // ALL is unchanged in substance: still three enterprises, mean 7/3.
        SectorMaturity all = driver.<SectorMaturity>store(StoreNames.MATURITY_SECTOR).get(StoreNames.ALL_SECTORS);
        assertThat(all.getEnterprises()).isEqualTo(3);
        assertThat(all.getMeanScore()).isCloseTo(7.0 / 3, within(1e-12));
    }
}

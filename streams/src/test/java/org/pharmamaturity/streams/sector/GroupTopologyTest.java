package org.pharmamaturity.streams.sector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.GroupKind;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * The groups beyond the sector, over four enterprises with easy scores (no KPIs, so verified = declared; levels
 * answered FULL up to k give S = k): E1 C271 Pudong S = 2 (level 2); E2 C272 Pudong S = 3 (level 3); E3 C272
 * Minhang S = 5 (level 5); E4 C358 Minhang S = 0 (nothing answered, level 0). No scenario is declared, so no
 * enterprise is eligible for any tier (the basic tier needs a deployed 生产作业 scenario).
 */
class GroupTopologyTest {

    private PipelineDriver driver;

    @AfterEach
    void close() {
        driver.close();
    }

    private void assessFour(PipelineDriver pipeline) {
        driver = pipeline;
        located("E1", "C271", "Pudong");
        located("E2", "C272", "Pudong");
        located("E3", "C272", "Minhang");
        located("E4", "C358", "Minhang");
        submit("E1", "2025-03-01T08:00:00Z", 2);
        submit("E2", "2025-03-01T08:00:00Z", 3);
        submit("E3", "2025-03-01T08:00:00Z", 5);
        submit("E4", "2025-03-01T08:00:00Z", 0);
    }

    @Test
    void everyKindOfGroupCarriesTheSectorStatistics() {
        assessFour(new PipelineDriver());
        Map<String, SectorMaturity> groups = driver.latest(Topic.MATURITY_SECTOR);

        SectorMaturity c27 = groups.get("C27"); // E1, E2, E3
        assertThat(c27.getGroupKind()).isEqualTo(GroupKind.DIVISION);
        assertThat(c27.getSector()).isEqualTo("C27");
        assertThat(c27.getDistrict()).isNull();
        assertThat(c27.getEnterprises()).isEqualTo(3);
        assertThat(c27.getMeanScore()).isCloseTo(10.0 / 3, within(1e-12)); // (2 + 3 + 5) / 3
        assertThat(c27.getMedianScore()).isCloseTo(3.0, within(1e-12)); // 2, 3, 5
        assertThat(c27.getShareAtLeastLevel2()).isCloseTo(1.0, within(1e-12)); // levels 2, 3, 5
        assertThat(c27.getShareAtLeastLevel3()).isCloseTo(2.0 / 3, within(1e-12)); // levels 3 and 5
        assertThat(c27.getLevelDistribution()).containsEntry("2", 1).containsEntry("3", 1).containsEntry("5", 1)
                .containsEntry("0", 0);
        assertThat(c27.getTierCounts()).containsOnly(entry("basic", 0), entry("advanced", 0),
                entry("excellent", 0), entry("leading", 0));

        SectorMaturity c35 = groups.get("C35"); // E4 only
        assertThat(c35.getGroupKind()).isEqualTo(GroupKind.DIVISION);
        assertThat(c35.getEnterprises()).isEqualTo(1);
        assertThat(c35.getMeanScore()).isZero();

        SectorMaturity pudong = groups.get("district:Pudong"); // E1, E2
        assertThat(pudong.getGroupKind()).isEqualTo(GroupKind.DISTRICT);
        assertThat(pudong.getSector()).isEqualTo("ALL");
        assertThat(pudong.getDistrict()).isEqualTo("Pudong");
        assertThat(pudong.getEnterprises()).isEqualTo(2);
        assertThat(pudong.getMeanScore()).isCloseTo(2.5, within(1e-12)); // (2 + 3) / 2
        assertThat(pudong.getShareAtLeastLevel3()).isCloseTo(0.5, within(1e-12)); // E2 only

        SectorMaturity minhang = groups.get("district:Minhang"); // E3, E4
        assertThat(minhang.getMeanScore()).isCloseTo(2.5, within(1e-12)); // (5 + 0) / 2
        assertThat(minhang.getMedianScore()).isCloseTo(2.5, within(1e-12));
        assertThat(minhang.getShareAtLeastLevel2()).isCloseTo(0.5, within(1e-12)); // E3 only

        SectorMaturity c272InPudong = groups.get("C272/district:Pudong"); // E2
        assertThat(c272InPudong.getGroupKind()).isEqualTo(GroupKind.SECTOR_DISTRICT);
        assertThat(c272InPudong.getSector()).isEqualTo("C272");
        assertThat(c272InPudong.getDistrict()).isEqualTo("Pudong");
        assertThat(c272InPudong.getEnterprises()).isEqualTo(1);
        assertThat(c272InPudong.getMeanScore()).isCloseTo(3.0, within(1e-12));
        assertThat(groups.get("C272/district:Minhang").getMeanScore()).isCloseTo(5.0, within(1e-12)); // E3

        SectorMaturity c272 = groups.get("C272"); // E2, E3: unchanged sector statistics
        assertThat(c272.getGroupKind()).isEqualTo(GroupKind.SECTOR);
        assertThat(c272.getMeanScore()).isCloseTo(4.0, within(1e-12)); // (3 + 5) / 2

        SectorMaturity all = groups.get(StoreNames.ALL_SECTORS);
        assertThat(all.getGroupKind()).isEqualTo(GroupKind.ALL);
        assertThat(all.getEnterprises()).isEqualTo(4);
        assertThat(all.getMeanScore()).isCloseTo(2.5, within(1e-12)); // (2 + 3 + 5 + 0) / 4
        assertThat(all.getMedianScore()).isCloseTo(2.5, within(1e-12)); // 0, 2, 3, 5: (2 + 3) / 2
        assertThat(all.getShareAtLeastLevel3()).isCloseTo(0.5, within(1e-12)); // E2, E3 of 4
        // 5 groups of E1 + 5 of E2 + 5 of E3 + 5 of E4, shared: ALL, C271, C272, C358, C27, C35, 2 districts,
        // C271/Pudong, C272/Pudong, C272/Minhang, C358/Minhang = 12
        assertThat(groups).hasSize(12);
    }

    @Test
    void anEnterpriseThatMovesDistrictLeavesTheOldDistrictsGroups() {
        assessFour(new PipelineDriver());
        driver.read(Topic.MATURITY_SECTOR);
        located("E2", "C272", "Minhang");
        // The move is found by the wall-clock check (every minute by default).
        driver.advanceWallClock(Duration.ofMinutes(1));

        assertThat(driver.latest(Topic.MATURITY_ENTERPRISE).get("E2").getDistrict()).isEqualTo("Minhang");
        Map<String, SectorMaturity> groups = driver.latest(Topic.MATURITY_SECTOR);
        SectorMaturity pudong = groups.get("district:Pudong"); // E1 only
        assertThat(pudong.getEnterprises()).isEqualTo(1);
        assertThat(pudong.getMeanScore()).isCloseTo(2.0, within(1e-12));
        SectorMaturity minhang = groups.get("district:Minhang"); // E2, E3, E4
        assertThat(minhang.getEnterprises()).isEqualTo(3);
        assertThat(minhang.getMeanScore()).isCloseTo(8.0 / 3, within(1e-12)); // (3 + 5 + 0) / 3
        assertThat(minhang.getMedianScore()).isCloseTo(3.0, within(1e-12)); // 0, 3, 5
        assertThat(groups.get("C272/district:Pudong").getEnterprises()).isZero(); // E2 left, nobody else
        SectorMaturity c272InMinhang = groups.get("C272/district:Minhang"); // E2, E3
        assertThat(c272InMinhang.getEnterprises()).isEqualTo(2);
        assertThat(c272InMinhang.getMeanScore()).isCloseTo(4.0, within(1e-12)); // (3 + 5) / 2
        // the sector and its division keep their members
        assertThat(groups.get("C272").getEnterprises()).isEqualTo(2);
        assertThat(groups.get("C27").getEnterprises()).isEqualTo(3);
    }

    @Test
    void anEnterpriseThatMovesSectorLeavesTheOldSectorWithinItsDistrict() {
        assessFour(new PipelineDriver());
        driver.read(Topic.MATURITY_SECTOR);
        located("E4", "C271", "Minhang");
        driver.advanceWallClock(Duration.ofMinutes(1));

        Map<String, SectorMaturity> groups = driver.latest(Topic.MATURITY_SECTOR);
        assertThat(groups.get("C35").getEnterprises()).isZero();
        assertThat(groups.get("C358/district:Minhang").getEnterprises()).isZero();
        assertThat(groups.get("C271/district:Minhang").getEnterprises()).isEqualTo(1);
        SectorMaturity c27 = groups.get("C27"); // E1, E2, E3, E4
        assertThat(c27.getEnterprises()).isEqualTo(4);
        assertThat(c27.getMeanScore()).isCloseTo(2.5, within(1e-12)); // (2 + 3 + 5 + 0) / 4
    }

    @Test
    void onePointPerGroupAndDayHoldingTheDaysLastStatistics() {
        assessFour(new PipelineDriver());
        submit("E1", "2025-03-02T08:00:00Z", 5);
        submit("E1", "2025-03-02T20:00:00Z", 3);
        submit("E1", "2025-03-04T08:00:00Z", 4);

        // C271 holds E1 alone: 2025-03-01 S = 2; 03-02 S = 5 then 3, the last counts; 03-03 no change, no point.
        assertThat(points("C271")).containsExactly(
                KeyValue.pair("C271@2025-03-01", 2.0), KeyValue.pair("C271@2025-03-02", 3.0),
                KeyValue.pair("C271@2025-03-04", 4.0));
        // Pudong (E1, E2 at 3): 03-01 (2 + 3) / 2 = 2.5; 03-02 (3 + 3) / 2 = 3; 03-04 (4 + 3) / 2 = 3.5
        assertThat(points("district:Pudong")).containsExactly(
                KeyValue.pair("district:Pudong@2025-03-01", 2.5), KeyValue.pair("district:Pudong@2025-03-02", 3.0),
                KeyValue.pair("district:Pudong@2025-03-04", 3.5));
        // C27's range does not reach into C271 or C272 (keys C271@..., C27@...)
        assertThat(points("C27")).extracting(entry -> entry.key).containsExactly("C27@2025-03-01", "C27@2025-03-02",
                "C27@2025-03-04");
    }

    @Test
    void pointsOlderThanTheRetentionBeforeAGroupsNewestDayArePruned() {
        assessFour(new PipelineDriver(TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO)
                .withGroupHistoryRetention(Duration.ofDays(2))));
        submit("E1", "2025-03-02T08:00:00Z", 5);
        assertThat(points("C271")).extracting(entry -> entry.key).containsExactly("C271@2025-03-01",
                "C271@2025-03-02");
        submit("E1", "2025-03-04T08:00:00Z", 4);
        // keep from 2025-03-04 minus 2 days = 03-02: the point of 03-01 goes, C358's (no new point) stays
        assertThat(points("C271")).containsExactly(KeyValue.pair("C271@2025-03-02", 5.0),
                KeyValue.pair("C271@2025-03-04", 4.0));
        assertThat(points("C358")).extracting(entry -> entry.key).containsExactly("C358@2025-03-01");
    }

    /** The group's history points: key to mean score. */
    private List<KeyValue<String, Double>> points(String group) {
        KeyValueStore<String, SectorMaturity> history = driver.store(StoreNames.GROUP_HISTORY);
        List<KeyValue<String, Double>> points = new ArrayList<>();
        try (KeyValueIterator<String, SectorMaturity> range = history.range(group + "@0000", group + "@9999")) {
            range.forEachRemaining(entry -> points.add(KeyValue.pair(entry.key, entry.value.getMeanScore())));
        }
        return points;
    }

    private void located(String enterpriseId, String sector, String district) {
        Enterprise enterprise = enterprise(enterpriseId, sector);
        enterprise.setDistrict(district);
        driver.pipe(Topic.REF_ENTERPRISE, enterpriseId, enterprise);
    }

    /** A self-assessment answering every requirement up to {@code level} FULL: S = level. */
    private void submit(String enterpriseId, String submittedAt, int level) {
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, enterpriseId, assessment(enterpriseId,
                enterpriseId + "-" + submittedAt.replace(":", ""), submittedAt, level == 0 ? Map.of() : Answers.fullUpTo(level)));
    }
}

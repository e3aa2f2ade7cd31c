package org.pharmamaturity.streams.sector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * The publish interval of the sector statistics: the three results of SectorTopologyTest (E1 S = 2 and E3 S = 5
 * in C272, E2 S = 0 in C271) arrive within one interval; each sector is published once, over all its members.
 */
class SectorPublicationIntervalTest {

    private final PipelineDriver driver =
            new PipelineDriver(TopologySettings.DEFAULTS.withPublishInterval(Duration.ofSeconds(1)));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void eachChangedSectorIsPublishedOncePerInterval() {
        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        driver.pipe(Topic.REF_ENTERPRISE, "E2", enterprise("E2", "C271"));
        driver.pipe(Topic.REF_ENTERPRISE, "E3", enterprise("E3", "C272"));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1", assessment("E1", "A1", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E2", assessment("E2", "A2", "2025-03-01T00:00:00Z", Map.of()));
        driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E3", assessment("E3", "A3", "2025-03-01T00:00:00Z", Answers.fullUpTo(5)));
        assertThat(driver.read(Topic.MATURITY_SECTOR)).as("nothing before the interval ends").isEmpty();

        driver.advanceWallClock(Duration.ofSeconds(1));

        List<KeyValue<String, SectorMaturity>> published = driver.read(Topic.MATURITY_SECTOR);
        assertThat(published).extracting(record -> record.key)
                .containsExactlyInAnyOrder("C271", "C272", StoreNames.ALL_SECTORS);
        Map<String, SectorMaturity> sectors = published.stream()
                .collect(Collectors.toMap(record -> record.key, record -> record.value));
        assertThat(sectors.get("C272").getEnterprises()).isEqualTo(2);
        assertThat(sectors.get("C272").getMeanScore()).isCloseTo(3.5, within(1e-12)); // (2 + 5) / 2
        assertThat(sectors.get("C271").getEnterprises()).isEqualTo(1);
        assertThat(sectors.get(StoreNames.ALL_SECTORS).getEnterprises()).isEqualTo(3);
        assertThat(sectors.get(StoreNames.ALL_SECTORS).getMeanScore()).isCloseTo(7.0 / 3, within(1e-12));

        driver.advanceWallClock(Duration.ofSeconds(1));
        assertThat(driver.read(Topic.MATURITY_SECTOR)).as("nothing changed, nothing published").isEmpty();
    }
}

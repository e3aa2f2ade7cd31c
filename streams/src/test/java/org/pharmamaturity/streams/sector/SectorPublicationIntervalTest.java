package org.pharmamaturity.streams.sector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        SectorTopologyTest.assessThreeEnterprises(driver);
        assertThat(driver.read(Topic.MATURITY_SECTOR)).as("nothing before the interval ends").isEmpty();

        driver.advanceWallClock(Duration.ofSeconds(1));

        List<KeyValue<String, SectorMaturity>> published = driver.read(Topic.MATURITY_SECTOR);
        assertThat(published).extracting(record -> record.key)
                // every group once: the sectors, their division C27, ALL, and (every enterprise in Pudong) the district
                // and each sector within it
                .containsExactlyInAnyOrder("C271", "C272", "C27", StoreNames.ALL_SECTORS, "district:Pudong",
                        "C271/district:Pudong", "C272/district:Pudong");
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

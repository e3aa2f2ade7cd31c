package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;
import static org.pharmamaturity.streams.testing.TestRecords.telemetry;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.PendingKpis;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * The publish interval: E1 has three registered machines, EQ1 and EQ2 report a reading on 2025-03-01 (EQ3 does
 * not), so the day's networking rate is 1/3 after the first reading and 2/3 after the second.
 */
class KpiPublicationIntervalTest {

    private PipelineDriver driver;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void factsWithinOneIntervalArePublishedOnceWithTheirCombinedFigures() {
        driver = plantWithThreeMachines(TopologySettings.DEFAULTS.withPublishInterval(Duration.ofSeconds(1)));
        readTwoMachines();
        assertThat(driver.read(Topic.KPI_ENTERPRISE_DAILY)).as("nothing before the interval ends").isEmpty();
        assertThat(driver.<PendingKpis>store(StoreNames.KPI_ENTERPRISE_PENDING).get("E1").getDays()).hasSize(1);

        driver.advanceWallClock(Duration.ofSeconds(1));

        List<KeyValue<String, EnterpriseKpi>> published = driver.read(Topic.KPI_ENTERPRISE_DAILY);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key).isEqualTo("E1@2025-03-01");
        assertThat(networkingRate(published.get(0).value)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(driver.<PendingKpis>store(StoreNames.KPI_ENTERPRISE_PENDING).get("E1")).isNull();
        assertThat(networkingRate(driver.<EnterpriseKpi>store(StoreNames.KPI_ENTERPRISE_ROLLING).get("E1")))
                .isCloseTo(2.0 / 3, within(1e-12));

        driver.advanceWallClock(Duration.ofSeconds(1));
        assertThat(driver.read(Topic.KPI_ENTERPRISE_DAILY)).as("nothing new, nothing published").isEmpty();
    }

    @Test
    void aZeroIntervalPublishesEveryFact() {
        driver = plantWithThreeMachines(TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO));
        readTwoMachines();

        List<KeyValue<String, EnterpriseKpi>> published = driver.read(Topic.KPI_ENTERPRISE_DAILY);
        assertThat(published).hasSize(2);
        assertThat(networkingRate(published.get(0).value)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(networkingRate(published.get(1).value)).isCloseTo(2.0 / 3, within(1e-12));
    }

    private static PipelineDriver plantWithThreeMachines(TopologySettings settings) {
        PipelineDriver driver = new PipelineDriver(settings);
        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        for (String equipmentId : List.of("EQ1", "EQ2", "EQ3")) {
            driver.pipe(Topic.REF_EQUIPMENT, equipmentId, equipment(equipmentId, "E1"));
        }
        return driver;
    }

    private void readTwoMachines() {
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T08:00:00Z"));
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ2", telemetry("EQ2", "E1", "2025-03-01T08:10:00Z"));
    }

    private static double networkingRate(EnterpriseKpi kpi) {
        return kpi.getValues().get(Indicators.NETWORKING_RATE).getValue();
    }
}

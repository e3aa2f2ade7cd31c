package org.pharmamaturity.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.telemetry;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.streams.testing.PipelineDriver;

/** An enterprise whose data stops arriving for the configured silence (default 6 h of wall clock) gets one alert. */
class DataGapAlertTest {

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = PipelineDriver.withPlant("E1", "C272", "EQ1");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void silenceRaisesOneAlertUntilDataComesBack() {
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T08:00:00Z"));
        driver.advanceWallClock(Duration.ofHours(5).plusMinutes(58));
        assertThat(gapAlerts()).isEmpty(); // 5 h 58 min < 6 h

        driver.advanceWallClock(Duration.ofMinutes(2));
        List<Alert> first = gapAlerts();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getEnterpriseId()).isEqualTo("E1");
        assertThat(first.get(0).getAttributes()).containsEntry("lastEventTime", "2025-03-01T08:00:00Z");

        driver.advanceWallClock(Duration.ofHours(12));
        assertThat(gapAlerts()).isEmpty(); // already alerted, still silent

        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T09:00:00Z"));
        driver.advanceWallClock(Duration.ofHours(6));
        assertThat(gapAlerts()).hasSize(1); // re-armed by the new data, silent again for 6 h
        assertThat(driver.meters().alerts(AlertKind.DATA_GAP, "E1")).isEqualTo(2); // the first gap and this one
    }

    private List<Alert> gapAlerts() {
        return driver.read(Topic.MATURITY_ALERTS).stream().map(record -> record.value)
                .filter(alert -> alert.getKind() == AlertKind.DATA_GAP).toList();
    }
}

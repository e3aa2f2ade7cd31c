package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.batch;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.deviation;
import static org.pharmamaturity.streams.testing.TestRecords.electricity;
import static org.pharmamaturity.streams.testing.TestRecords.quality;
import static org.pharmamaturity.streams.testing.TestRecords.state;
import static org.pharmamaturity.streams.testing.TestRecords.telemetry;
import static org.pharmamaturity.streams.testing.TestRecords.transport;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.QualityEventType;
import org.pharmamaturity.schemas.avro.QualitySeverity;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * Every daily indicator of one enterprise, E1, on 2025-03-01 (grace 1 h), from a day of equipment, batch,
 * quality, energy and cold-chain data; the expected values are worked out beside each assertion.
 */
class EnterpriseKpiTopologyTest {

    private static final long HOUR = 3_600_000L;
    private static final double IDEAL_CYCLE_MS = 36_000;

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = PipelineDriver.withPlant("E1", "C272", "EQ1", "EQ2", "EQ3");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void everyDailyIndicatorOfOneEnterprise() {
        // EQ1: RUNNING 06-14, PLANNED_STOP 14-16, RUNNING 16-20, UNPLANNED_STOP 20-24; 950 good + 50 rejected at 36 s.
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", count("EQ1", "E1", "2025-03-01T10:00:00Z", 950, 50, IDEAL_CYCLE_MS));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T14:00:00Z", EquipmentState.PLANNED_STOP));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T16:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T20:00:00Z", EquipmentState.UNPLANNED_STOP));
        // EQ2: RUNNING all day; 2000 good at 36 s (20 h of ideal time).
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ2", state("EQ2", "E1", "2025-03-01T00:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ2", count("EQ2", "E1", "2025-03-01T12:00:00Z", 2000, 0, IDEAL_CYCLE_MS));
        // Only EQ1 of the three registered equipment reports a reading.
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T08:00:00Z"));
        driver.pipe(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-03-01T08:20:00Z"));
        // Batches: B1 released clean (EBR 97 %), B2 released after a MAJOR deviation (EBR 50 %), B3 released with
        // no EBR share, B4 only started. Deviations: QE1 (MAJOR, B2) and QE2 (MINOR); QE3 is an OOS, not a deviation.
        driver.pipe(Topic.QUALITY_EVENT, "E1", deviation("QE1", "E1", "2025-03-01T07:00:00Z", QualitySeverity.MAJOR, "B2"));
        driver.pipe(Topic.FACTORY_BATCH_STATUS, "B1", batch("B1", "E1", "2025-03-01T09:00:00Z", BatchState.RELEASED, 0.97));
        driver.pipe(Topic.FACTORY_BATCH_STATUS, "B2", batch("B2", "E1", "2025-03-01T11:00:00Z", BatchState.RELEASED, 0.5));
        driver.pipe(Topic.FACTORY_BATCH_STATUS, "B3", batch("B3", "E1", "2025-03-01T12:00:00Z", BatchState.RELEASED, null));
        driver.pipe(Topic.FACTORY_BATCH_STATUS, "B4", batch("B4", "E1", "2025-03-01T13:00:00Z", BatchState.STARTED, null));
        driver.pipe(Topic.QUALITY_EVENT, "E1", deviation("QE2", "E1", "2025-03-01T15:00:00Z", QualitySeverity.MINOR, null));
        driver.pipe(Topic.QUALITY_EVENT, "E1", quality("QE3", "E1", "2025-03-01T16:00:00Z", QualityEventType.OOS,
                QualitySeverity.MINOR, "B1"));
        // One electricity reading of 1000 kWh.
        driver.pipe(Topic.FACTORY_ENERGY_READING, "E1", electricity("M1", "E1", "2025-03-01T10:00:00Z", 1000));
        // Shipment S1, label 2-8 °C, every 5 min, out of range at 08:10 and 08:12, then silent 08:19-08:40.
        double[] temperatures = {5.0, 5.0, 9.0, 9.5, 6.0, 6.0, 6.0};
        String[] times = {"08:00", "08:05", "08:10", "08:12", "08:14", "08:19", "08:40"};
        for (int i = 0; i < times.length; i++) {
            driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "S1",
                    transport("S1", "E1", "2025-03-01T" + times[i] + ":00Z", temperatures[i]));
        }
        // EQ2 goes IDLE at 01:00 next day: stream time reaches the end of 2025-03-01 plus the grace.
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ2", state("EQ2", "E1", "2025-03-02T01:00:00Z", EquipmentState.IDLE));

        EnterpriseKpi day = driver.latest(Topic.KPI_ENTERPRISE_DAILY).get("E1@2025-03-01");
        // OEE sums times and counts: observed 18 + 24 = 42 h, planned 42 - 2 = 40 h, running 12 + 24 = 36 h,
        // ideal 10 + 20 = 30 h, good 950 + 2000 = 2950 of 3000.
        assertThat(day.getComponents().getObservedMs()).isEqualTo(42 * HOUR);
        assertThat(day.getComponents().getRunningMs()).isEqualTo(36 * HOUR);
        assertThat(value(day, "availability")).isCloseTo(0.9, within(1e-12)); // 36 / 40
        assertThat(value(day, "performance")).isCloseTo(30.0 / 36, within(1e-12)); // 30 h / 36 h
        assertThat(value(day, "quality")).isCloseTo(2950.0 / 3000, within(1e-12));
        assertThat(value(day, "oee")).isCloseTo(0.7375, within(1e-12)); // 0.9 x 0.8333 x 0.98333
        assertThat(day.getValues().get("oee").getCoverage()).isCloseTo(0.875, within(1e-12)); // 42 h / 48 h
        // One of three registered equipment read during the day; watched from 07:00 (QE1) to midnight: 17 h / 24 h.
        assertThat(value(day, "networkingRate")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(day.getValues().get("networkingRate").getCoverage()).isCloseTo(17.0 / 24, within(1e-12));
        // Released B1, B2, B3; B2 had a deviation before release.
        assertThat(value(day, "rightFirstTime")).isCloseTo(2.0 / 3, within(1e-12));
        // EBR share known for B1 (97 % >= 95 %) and B2 (50 %): 1 of 2 electronic; share known for 2 of 3.
        assertThat(value(day, "electronicRecordCoverage")).isCloseTo(0.5, within(1e-12));
        assertThat(day.getValues().get("electronicRecordCoverage").getCoverage()).isCloseTo(2.0 / 3, within(1e-12));
        // Two deviations (QE1 MAJOR, QE2 MINOR) per 3 released batches, x 100.
        assertThat(value(day, "deviationsPer100Batches")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(value(day, "deviationsPer100Batches.MAJOR")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(value(day, "deviationsPer100Batches.MINOR")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(value(day, "deviationsPer100Batches.CRITICAL")).isZero();
        // 1000 kWh x 0.1229 kgce/kWh = 122.9 kgce over 2950 good units; 1 of 96 quarter-hours metered.
        assertThat(value(day, "energyPerUnit")).isCloseTo(122.9 / 2950, within(1e-12));
        assertThat(value(day, "energyMeteringCoverage")).isCloseTo(1.0 / 96, within(1e-12));
        // S1: one episode (08:10 and 08:12 are 2 min apart); out of range 08:10-08:14 = 4 min; 7 readings of
        // 10 due (08:19 -> 08:40 is 21 min: round(21/5) - 1 = 3 missed); MKT of 5, 5, 9, 9.5, 6, 6, 6 °C with
        // dH/R = 10000 K: 10000 / -ln(mean(exp(-10000 / (t + 273.15)))) - 273.15 = 6.825880725 °C.
        assertThat(value(day, "coldChainExcursions")).isEqualTo(1.0);
        assertThat(value(day, "timeOutOfRangeMinutes")).isCloseTo(4.0, within(1e-12));
        assertThat(value(day, "coldChainLoggingCompliance")).isCloseTo(0.7, within(1e-12));
        assertThat(value(day, "mkt")).isCloseTo(6.825880725, within(1e-6));
        assertThat(day.getFlags()).isEmpty();

        // Rolling values at the enterprise's latest event (2025-03-02T01:00): EQ1's 08:00 reading lies within the
        // last 24 h (1 of 3); watched 07:00 -> 01:00 = 18 h of 24 h.
        EnterpriseKpi rolling = driver.<EnterpriseKpi>store(StoreNames.KPI_ENTERPRISE_ROLLING).get("E1");
        assertThat(value(rolling, "networkingRate")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(rolling.getValues().get("networkingRate").getCoverage()).isCloseTo(0.75, within(1e-12));
        assertThat(rolling.getValues().get("networkingRate").getWindow()).isEqualTo("PT24H");
        assertThat(value(rolling, "rightFirstTime")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(rolling.getValues().get("rightFirstTime").getWindow()).isEqualTo("P30D");

        Map<String, Alert> alerts = driver.latest(Topic.MATURITY_ALERTS);
        assertThat(alerts.values()).extracting(Alert::getKind).containsExactly(AlertKind.COLD_CHAIN_EXCURSION);
        assertThat(alerts.get("E1").getSubjectId()).isEqualTo("S1");
    }

    private static double value(EnterpriseKpi kpi, String indicator) {
        assertThat(kpi.getValues()).containsKey(indicator);
        return kpi.getValues().get(indicator).getValue();
    }
}

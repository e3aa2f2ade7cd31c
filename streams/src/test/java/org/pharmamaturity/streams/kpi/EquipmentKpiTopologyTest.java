package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.kpi.EquipmentKpis.value;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.state;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * OEE per equipment and UTC day through the whole topology (grace 1 h). The reference day of EQ1 on 2025-03-01:
 * RUNNING 06:00, PLANNED_STOP 14:00, RUNNING 16:00, UNPLANNED_STOP 20:00, and one count at 10:00 of 950 good and
 * 50 rejected units at an ideal 36 s each (ideal run time 1000 x 36 s = 10 h).
 */
class EquipmentKpiTopologyTest {

    private static final long HOUR = 3_600_000L;
    private static final double IDEAL_CYCLE_MS = 36_000;
    private static final String DAY_KEY = "EQ1@2025-03-01";

    private PipelineDriver driver;

    @BeforeEach
    void registerPlant() {
        driver = PipelineDriver.withPlant("E1", "C272", "EQ1", "EQ2", "EQ3");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aClosedDayIsAccountedToMidnight() {
        pipeReferenceDay();
        EquipmentKpi provisional = latest(DAY_KEY);
        // Accounted up to the latest input, 20:00: observed 06-20 = 14 h of a 20 h window, planned 14 - 2 = 12 h,
        // running 8 + 4 = 12 h.
        assertThat(provisional.getComponents().getObservedMs()).isEqualTo(14 * HOUR);
        assertThat(provisional.getComponents().getRunningMs()).isEqualTo(12 * HOUR);
        assertThat(value(provisional, "availability")).isCloseTo(1.0, within(1e-12)); // 12 h / 12 h
        assertThat(value(provisional, "oee")).isCloseTo(0.95 * 10.0 / 12, within(1e-12)); // 1 x 10/12 x 0.95
        assertThat(provisional.getValues().get("oee").getCoverage()).isCloseTo(0.7, within(1e-12)); // 14 h / 20 h

        closeDay();

        EquipmentKpi closed = latest(DAY_KEY);
        // UNPLANNED_STOP carries to midnight: observed 06-24 = 18 h, planned 18 - 2 = 16 h, running 12 h.
        assertThat(closed.getComponents().getObservedMs()).isEqualTo(18 * HOUR);
        assertThat(closed.getComponents().getPlannedStopMs()).isEqualTo(2 * HOUR);
        assertThat(closed.getComponents().getRunningMs()).isEqualTo(12 * HOUR);
        assertThat(closed.getComponents().getIdealProductionMs()).isCloseTo(10.0 * HOUR, within(1e-6));
        assertThat(value(closed, "availability")).isCloseTo(0.75, within(1e-12)); // 12 / 16
        assertThat(value(closed, "performance")).isCloseTo(10.0 / 12, within(1e-12)); // 10 h / 12 h
        assertThat(value(closed, "quality")).isCloseTo(0.95, within(1e-12)); // 950 / 1000
        assertThat(value(closed, "oee")).isCloseTo(0.59375, within(1e-12)); // 0.75 x 0.8333 x 0.95
        assertThat(closed.getValues().get("oee").getCoverage()).isCloseTo(0.75, within(1e-12)); // 18 h / 24 h
        assertThat(closed.getEnterpriseId()).isEqualTo("E1");
        assertThat(closed.getDay()).hasToString("2025-03-01");
    }

    @Test
    void outOfOrderStateChangesGiveTheSameDay() {
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T20:00:00Z", EquipmentState.UNPLANNED_STOP));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T14:00:00Z", EquipmentState.PLANNED_STOP));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", count("EQ1", "E1", "2025-03-01T10:00:00Z", 950, 50, IDEAL_CYCLE_MS));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T16:00:00Z", EquipmentState.RUNNING));
        closeDay();

        EquipmentKpi closed = latest(DAY_KEY);
        // Sorted by event time the changes are the reference day: A 0.75, P 10/12, Q 0.95.
        assertThat(closed.getComponents().getRunningMs()).isEqualTo(12 * HOUR);
        assertThat(value(closed, "oee")).isCloseTo(0.59375, within(1e-12));
    }

    @Test
    void lateDataInsideTheGraceCorrectsTheDayAndBeyondItIsCountedAndDropped() {
        pipeReferenceDay();
        // Stream time 00:30 of the next day: day 1 ended 30 min ago, inside the 1 h grace.
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ2", state("EQ2", "E1", "2025-03-02T00:30:00Z", EquipmentState.IDLE));
        driver.read(Topic.KPI_EQUIPMENT_DAILY);
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", count("EQ1", "E1", "2025-03-01T21:00:00Z", 100, 0, IDEAL_CYCLE_MS));
        EquipmentKpi corrected = latest(DAY_KEY);
        assertThat(corrected.getComponents().getGoodCount()).isEqualTo(1050); // 950 + 100
        assertThat(corrected.getComponents().getIdealProductionMs()).isCloseTo(11.0 * HOUR, within(1e-6)); // 1100 x 36 s

        closeDay();
        EquipmentKpi closed = latest(DAY_KEY);
        // A 12/16 = 0.75, P 11/12, Q 1050/1100 = 21/22: OEE 0.75 x 11/12 x 21/22 = 0.65625.
        assertThat(value(closed, "oee")).isCloseTo(0.65625, within(1e-12));

        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", count("EQ1", "E1", "2025-03-01T22:00:00Z", 500, 0, IDEAL_CYCLE_MS));
        assertThat(driver.read(Topic.KPI_EQUIPMENT_DAILY)).extracting(record -> record.key).doesNotContain(DAY_KEY);
        assertThat(driver.meters().lateRecords(EquipmentKpiProcessor.STAGE)).isEqualTo(1);
    }

    @Test
    void aStateCarriesAcrossMidnight() {
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ3", state("EQ3", "E1", "2025-03-01T22:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ3", state("EQ3", "E1", "2025-03-02T02:00:00Z", EquipmentState.IDLE));
        List<KeyValue<String, EquipmentKpi>> results = driver.read(Topic.KPI_EQUIPMENT_DAILY);
        EquipmentKpi firstDay = EquipmentKpis.latest(results, "EQ3@2025-03-01");
        EquipmentKpi secondDay = EquipmentKpis.latest(results, "EQ3@2025-03-02");
        // Day 1 is complete once day 2 has data: RUNNING 22:00-24:00 = 2 h, no counts, so P = 0 and OEE = 0.
        assertThat(firstDay.getComponents().getRunningMs()).isEqualTo(2 * HOUR);
        assertThat(value(firstDay, "oee")).isZero();
        assertThat(value(firstDay, "performance")).isZero(); // 0 ideal time / 2 h running
        // Day 2 starts RUNNING (carried from 22:00) until IDLE at 02:00: 2 h observed, all running.
        assertThat(secondDay.getComponents().getObservedMs()).isEqualTo(2 * HOUR);
        assertThat(secondDay.getComponents().getRunningMs()).isEqualTo(2 * HOUR);
    }

    @Test
    void aResentEventIsCountedOnce() {
        ProductionCount first = count("EQ1", "E1", "2025-03-01T10:00:00Z", 950, 50, IDEAL_CYCLE_MS);
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", first);
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", first);
        assertThat(latest(DAY_KEY).getComponents().getGoodCount()).isEqualTo(950); // not 1900
        assertThat(driver.meters().duplicates(Topic.FACTORY_PRODUCTION_COUNT.name())).isEqualTo(1);
    }

    private void pipeReferenceDay() {
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", count("EQ1", "E1", "2025-03-01T10:00:00Z", 950, 50, IDEAL_CYCLE_MS));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T14:00:00Z", EquipmentState.PLANNED_STOP));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T16:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T20:00:00Z", EquipmentState.UNPLANNED_STOP));
    }

    /** Another equipment's input at 01:00 next day: stream time reaches day 1's end plus the 1 h grace. */
    private void closeDay() {
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ2", state("EQ2", "E1", "2025-03-02T01:00:00Z", EquipmentState.RUNNING));
    }

    private EquipmentKpi latest(String key) {
        return EquipmentKpis.latest(driver.read(Topic.KPI_EQUIPMENT_DAILY), key);
    }
}

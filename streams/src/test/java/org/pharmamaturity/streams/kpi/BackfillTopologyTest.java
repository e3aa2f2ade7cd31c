package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.kpi.EquipmentKpis.latest;
import static org.pharmamaturity.streams.kpi.EquipmentKpis.value;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.state;
import static org.pharmamaturity.streams.testing.TestRecords.telemetry;
import static org.pharmamaturity.streams.testing.TestRecords.transport;

import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.ColdChainUnit;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * Backfilled data as real producers send it: every record's Kafka timestamp is "now" (the wall clock at send
 * time, 2025-03-10) while its eventTime lies 30 days earlier (2025-02-08). The task's stream time is then "now",
 * so the KPIs must close days by event time, and the dedup and sampling window stores (retention 24 h and
 * 2 days + 1 h, far less than 30 days) must expire entries by event time, not by the task's stream time. The grace
 * is 1 h.
 */
class BackfillTopologyTest {

    private static final Instant NOW = PipelineDriver.WALL_CLOCK;
    private static final long HOUR = 3_600_000L;
    private static final double IDEAL_CYCLE_MS = 36_000;

    private PipelineDriver driver;

    @BeforeEach
    void registerPlant() {
        driver = PipelineDriver.withPlant("E1", "C272", "EQ1", "EQ2");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void backfilledEquipmentDaysGetTheirOeeAndOnlyGenuinelyLateDataIsDropped() {
        ProductionCount produced = count("EQ1", "E1", "2025-02-08T10:00:00Z", 950, 50, IDEAL_CYCLE_MS);
        send(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-02-08T06:00:00Z", EquipmentState.RUNNING));
        send(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", produced);
        send(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-02-08T14:00:00Z", EquipmentState.PLANNED_STOP));
        send(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", produced); // resent: same eventId
        send(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-02-08T16:00:00Z", EquipmentState.RUNNING));
        send(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-02-08T20:00:00Z", EquipmentState.UNPLANNED_STOP));
        // EQ2 at 01:00 next day: event time reaches the end of 2025-02-08 plus the 1 h grace.
        send(Topic.FACTORY_EQUIPMENT_STATE, "EQ2", state("EQ2", "E1", "2025-02-09T01:00:00Z", EquipmentState.RUNNING));

        EquipmentKpi closed = latest(driver.read(Topic.KPI_EQUIPMENT_DAILY), "EQ1@2025-02-08");
        // RUNNING 06-14 and 16-20, PLANNED_STOP 14-16, UNPLANNED_STOP 20-24: observed 18 h, planned 16 h, running 12 h.
        assertThat(closed.getComponents().getObservedMs()).isEqualTo(18 * HOUR);
        assertThat(closed.getComponents().getRunningMs()).isEqualTo(12 * HOUR);
        assertThat(closed.getComponents().getGoodCount()).isEqualTo(950); // the resent count is not added: not 1900
        assertThat(value(closed, "availability")).isCloseTo(0.75, within(1e-12)); // 12 h / 16 h
        assertThat(value(closed, "performance")).isCloseTo(10.0 / 12, within(1e-12)); // 1000 x 36 s = 10 h / 12 h
        assertThat(value(closed, "quality")).isCloseTo(0.95, within(1e-12)); // 950 / 1000
        assertThat(value(closed, "oee")).isCloseTo(0.59375, within(1e-12)); // 0.75 x 10/12 x 0.95
        assertThat(driver.meters().duplicates(Topic.FACTORY_PRODUCTION_COUNT.name())).isEqualTo(1);
        assertThat(driver.meters().lateRecords(EquipmentKpiProcessor.STAGE)).isZero();
        assertThat(driver.meters().lateRecords(EnterpriseKpiProcessor.STAGE)).isZero();

        // 2025-02-08 is closed in event time (latest event 02-09 01:00 >= 02-09 00:00 + 1 h): this one is late.
        send(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", count("EQ1", "E1", "2025-02-08T22:00:00Z", 500, 0, IDEAL_CYCLE_MS));
        assertThat(driver.read(Topic.KPI_EQUIPMENT_DAILY)).extracting(record -> record.key)
                .doesNotContain("EQ1@2025-02-08");
        assertThat(driver.meters().lateRecords(EquipmentKpiProcessor.STAGE)).isEqualTo(1);
    }

    @Test
    void backfilledColdChainReadingsGiveFiguresAndAnExcursionAlert() {
        send(Topic.LOGISTICS_COLDCHAIN_READING, "S1", transport("S1", "E1", "2025-02-08T10:00:00Z", 5.0));
        send(Topic.LOGISTICS_COLDCHAIN_READING, "S1", transport("S1", "E1", "2025-02-08T10:05:00Z", 8.5));
        send(Topic.LOGISTICS_COLDCHAIN_READING, "S1", transport("S1", "E1", "2025-02-08T10:07:00Z", 9.0));
        send(Topic.LOGISTICS_COLDCHAIN_READING, "S1", transport("S1", "E1", "2025-02-09T00:30:00Z", 5.0));
        send(Topic.LOGISTICS_COLDCHAIN_READING, "S2", transport("S2", "E1", "2025-02-09T01:00:00Z", 5.0));

        assertThat(driver.meters().lateRecords(ColdChainProcessor.STAGE)).isZero();
        List<Alert> excursions = driver.read(Topic.MATURITY_ALERTS).stream().map(record -> record.value)
                .filter(alert -> alert.getKind() == AlertKind.COLD_CHAIN_EXCURSION).toList();
        assertThat(excursions).hasSize(1); // one episode: 8.5 and 9.0 °C above the 8 °C label maximum
        assertThat(excursions.get(0).getAttributes()).containsEntry("unitId", "S1")
                .containsEntry("start", "2025-02-08T10:05:00Z");

        ColdChainUnit unit = driver.<ColdChainUnit>store(StoreNames.KPI_COLDCHAIN_UNITS).get("S1");
        assertThat(unit.getClosedDays()).hasSize(1);
        ColdChainDayFigures closed = unit.getClosedDays().get(0);
        assertThat(UtcDays.date(closed.getDay())).hasToString("2025-02-08");
        assertThat(closed.getSamplesReceived()).isEqualTo(3);
        assertThat(closed.getExcursions()).isEqualTo(1);
        assertThat(closed.getOutOfRangeMinutes()).isEqualTo(2.0); // 10:05 -> 10:07; the last reading adds nothing

        // 2025-02-08 closed in event time at 02-09 01:00: a reading for 23:00 of it is late.
        send(Topic.LOGISTICS_COLDCHAIN_READING, "S1", transport("S1", "E1", "2025-02-08T23:00:00Z", 5.0));
        assertThat(driver.meters().lateRecords(ColdChainProcessor.STAGE)).isEqualTo(1);
    }

    @Test
    void backfilledTelemetryIsSampledOncePerHour() {
        send(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-02-08T10:05:00Z"));
        send(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-02-08T10:40:00Z"));
        send(Topic.FACTORY_EQUIPMENT_TELEMETRY, "EQ1", telemetry("EQ1", "E1", "2025-02-08T11:00:00Z"));

        // Three readings, two hours: the 10:40 reading is dropped, the first of each hour goes on to the enterprise.
        List<Long> passedOn = driver.readRepartition("kpi-enterprise-facts-telemetry", EnterpriseFact.class).stream()
                .map(fact -> fact.value.getTimeMs()).toList();
        assertThat(passedOn).containsExactly(Instant.parse("2025-02-08T10:05:00Z").toEpochMilli(),
                Instant.parse("2025-02-08T11:00:00Z").toEpochMilli());

        // The first reading of the 10:00 hour is kept at its event time; the window store did not expire it.
        Long kept = driver.<Long>windowStore(StoreNames.KPI_TELEMETRY_HOURS)
                .fetch("EQ1", Instant.parse("2025-02-08T10:00:00Z").toEpochMilli());
        assertThat(kept).isEqualTo(Instant.parse("2025-02-08T10:05:00Z").toEpochMilli());
    }

    private <V extends SpecificRecord> void send(Topic<V> topic, String key, V value) {
        driver.pipe(topic, key, value, NOW);
    }
}

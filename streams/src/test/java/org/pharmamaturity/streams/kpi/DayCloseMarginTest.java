package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.kpi.EquipmentKpis.value;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;
import static org.pharmamaturity.streams.testing.TestRecords.state;
import static org.pharmamaturity.streams.testing.TestRecords.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.testing.PipelineDriver;

/**
 * The close margin (30 s of wall clock after the event time passed a day's end plus its 1 h grace) through the whole
 * topology. EQ1's day 2025-03-01: RUNNING 06:00, PLANNED_STOP 14:00, RUNNING 16:00, UNPLANNED_STOP 20:00, and a count
 * at 10:00 of 950 good and 50 rejected units at an ideal 36 s each; the next morning's RUNNING at 06:00 overtakes
 * the count, as it can between the two repartition topics of kpi-equipment. The cold-chain stage closes its days
 * by the same rules.
 */
class DayCloseMarginTest {

    private static final long HOUR = 3_600_000L;
    private static final double IDEAL_CYCLE_MS = 36_000;
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private PipelineDriver driver;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aCountOvertakenByTheNextDaysStateChangeIsCountedWithinTheMargin() {
        driver = plant(MARGIN);
        pipeDayWithoutItsCount();
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-02T06:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", referenceCount());

        EquipmentKpi day = EquipmentKpis.latest(driver.read(Topic.KPI_EQUIPMENT_DAILY), "EQ1@2025-03-01");
        // Complete (a later day has data): observed 06-24 = 18 h, planned stop 14-16 = 2 h, running 8 + 4 = 12 h.
        assertThat(day.getComponents().getRunningMs()).isEqualTo(12 * HOUR);
        assertThat(day.getComponents().getGoodCount()).isEqualTo(950);
        assertThat(value(day, "availability")).isCloseTo(0.75, within(1e-12)); // 12 h / (18 - 2) h
        assertThat(value(day, "performance")).isCloseTo(10.0 / 12, within(1e-12)); // 1000 x 36 s = 10 h / 12 h
        assertThat(value(day, "quality")).isCloseTo(0.95, within(1e-12)); // 950 / 1000
        assertThat(value(day, "oee")).isCloseTo(0.59375, within(1e-12)); // 0.75 x 10/12 x 0.95
        assertThat(driver.meters().lateRecords(EquipmentKpiProcessor.STAGE)).isZero();
        assertThat(driver.read(Topic.MATURITY_DLQ)).isEmpty();
    }

    @Test
    void withoutAMarginTheSameCountIsLate() {
        driver = plant(Duration.ZERO);
        pipeDayWithoutItsCount();
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-02T06:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", referenceCount());

        assertThat(driver.meters().lateRecords(EquipmentKpiProcessor.STAGE)).isEqualTo(1);
        EquipmentKpi day = EquipmentKpis.latest(driver.read(Topic.KPI_EQUIPMENT_DAILY), "EQ1@2025-03-01");
        assertThat(day.getComponents().getGoodCount()).isZero();
    }

    @Test
    void aCountAfterTheMarginIsALateDeadLetterWithItsBytes() {
        driver = plant(MARGIN);
        pipeDayWithoutItsCount();
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-02T06:00:00Z", EquipmentState.RUNNING));
        driver.advanceWallClock(MARGIN);
        driver.read(Topic.KPI_EQUIPMENT_DAILY);

        ProductionCount late = referenceCount();
        driver.pipe(Topic.FACTORY_PRODUCTION_COUNT, "EQ1", late);

        assertThat(driver.read(Topic.KPI_EQUIPMENT_DAILY)).isEmpty();
        assertThat(driver.meters().lateRecords(EquipmentKpiProcessor.STAGE)).isEqualTo(1);
        assertThat(driver.meters().deadLetters(Topic.FACTORY_PRODUCTION_COUNT.name(), DeadLetterReason.LATE)).isEqualTo(1);
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0).value;
        assertThat(letters.get(0).key).isEqualTo("EQ1");
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.LATE);
        assertThat(letter.getSourceTopic()).isEqualTo("factory.production.count");
        assertThat(letter.getProcessor()).isEqualTo("kpi-equipment");
        assertThat(letter.getEnterpriseId()).isEqualTo("E1");
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap("EQ1".getBytes(StandardCharsets.UTF_8)));
        // The very bytes a registry-aware producer writes to factory.production.count for this record.
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(driver.serialize("factory.production.count", late)));
    }

    @Test
    void aColdChainReadingAfterTheMarginIsALateDeadLetterWithItsBytes() {
        driver = plant(MARGIN);
        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "SH1", transport("SH1", "E1", "2025-03-01T10:00:00Z", 5.0));
        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "SH1", transport("SH1", "E1", "2025-03-02T06:00:00Z", 5.0));
        driver.advanceWallClock(MARGIN);

        ColdChainReading late = transport("SH1", "E1", "2025-03-01T11:00:00Z", 5.0);
        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "SH1", late);

        assertThat(driver.meters().lateRecords(ColdChainProcessor.STAGE)).isEqualTo(1);
        List<KeyValue<String, DeadLetter>> letters = driver.read(Topic.MATURITY_DLQ);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).key).isEqualTo("SH1");
        assertThat(letters.get(0).value.getReason()).isEqualTo(DeadLetterReason.LATE);
        assertThat(letters.get(0).value.getSourceTopic()).isEqualTo("logistics.coldchain.reading");
        assertThat(letters.get(0).value.getProcessor()).isEqualTo("kpi-coldchain");
        assertThat(letters.get(0).value.getValue())
                .isEqualTo(ByteBuffer.wrap(driver.serialize("logistics.coldchain.reading", late)));
    }

    @Test
    void theWallClockClosesADayWithoutFurtherInput() {
        driver = plant(MARGIN);
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ2", state("EQ2", "E1", "2025-03-01T22:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-02T06:00:00Z", EquipmentState.RUNNING));
        // EQ2 has nothing on March 2nd: its day is accounted to its latest input only, 22:00, so 0 h observed.
        assertThat(EquipmentKpis.latest(driver.read(Topic.KPI_EQUIPMENT_DAILY), "EQ2@2025-03-01")
                .getComponents().getObservedMs()).isZero();

        driver.advanceWallClock(MARGIN);

        // Closed by the punctuator: accounted to midnight, RUNNING 22:00-24:00 = 2 h.
        EquipmentKpi closed = EquipmentKpis.latest(driver.read(Topic.KPI_EQUIPMENT_DAILY), "EQ2@2025-03-01");
        assertThat(closed.getComponents().getRunningMs()).isEqualTo(2 * HOUR);
    }

    private static PipelineDriver plant(Duration margin) {
        PipelineDriver plant = new PipelineDriver(TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO)
                .withCloseMargin(margin));
        plant.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
        plant.pipe(Topic.REF_EQUIPMENT, "EQ1", equipment("EQ1", "E1"));
        plant.pipe(Topic.REF_EQUIPMENT, "EQ2", equipment("EQ2", "E1"));
        return plant;
    }

    private void pipeDayWithoutItsCount() {
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T14:00:00Z", EquipmentState.PLANNED_STOP));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T16:00:00Z", EquipmentState.RUNNING));
        driver.pipe(Topic.FACTORY_EQUIPMENT_STATE, "EQ1", state("EQ1", "E1", "2025-03-01T20:00:00Z", EquipmentState.UNPLANNED_STOP));
    }

    private static ProductionCount referenceCount() {
        return count("EQ1", "E1", "2025-03-01T10:00:00Z", 950, 50, IDEAL_CYCLE_MS);
    }
}

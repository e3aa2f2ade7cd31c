package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.transport;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.ColdChainUnit;
import org.pharmamaturity.streams.testing.PipelineDriver;

/** Cold-chain days per shipment: open days keep their readings; a closed day keeps its figures for queries. */
class ColdChainTopologyTest {

    private PipelineDriver driver;

    @BeforeEach
    void start() {
        driver = new PipelineDriver();
        driver.pipe(Topic.REF_ENTERPRISE, "E1", enterprise("E1", "C272"));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aClosedDayKeepsItsFiguresAndLateReadingsAreCounted() {
        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "S2", transport("S2", "E1", "2025-03-01T10:00:00Z", 5.0));
        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "S2", transport("S2", "E1", "2025-03-01T10:05:00Z", 8.5));
        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "S2", transport("S2", "E1", "2025-03-01T10:07:00Z", 9.0));
        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "S2", transport("S2", "E1", "2025-03-02T00:30:00Z", 5.0));
        // Another shipment at 01:00 moves the stream time to the end of 2025-03-01 plus the 1 h grace.
        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "S3", transport("S3", "E1", "2025-03-02T01:00:00Z", 5.0));

        ColdChainUnit unit = driver.<ColdChainUnit>store(StoreNames.KPI_COLDCHAIN_UNITS).get("S2");
        assertThat(unit.getDays()).extracting(day -> UtcDays.date(day.getDay()))
                .containsExactly(LocalDate.parse("2025-03-02"));
        assertThat(unit.getClosedDays()).hasSize(1);
        ColdChainDayFigures closed = unit.getClosedDays().get(0);
        assertThat(UtcDays.date(closed.getDay())).isEqualTo(LocalDate.parse("2025-03-01"));
        assertThat(closed.getSamplesReceived()).isEqualTo(3);
        // 8.5 and 9.0 °C are above 8 °C and 2 min apart: one episode, out of range from 10:05 to the next reading.
        assertThat(closed.getExcursions()).isEqualTo(1);
        assertThat(closed.getOutOfRangeMinutes()).isEqualTo(2.0); // 10:05 -> 10:07; the last reading adds nothing

        driver.pipe(Topic.LOGISTICS_COLDCHAIN_READING, "S2", transport("S2", "E1", "2025-03-01T23:00:00Z", 5.0));
        assertThat(driver.meters().lateRecords(ColdChainProcessor.STAGE)).isEqualTo(1);
    }
}

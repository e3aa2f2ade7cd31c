package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.batch;
import static org.pharmamaturity.streams.testing.TestRecords.deviation;
import static org.pharmamaturity.streams.testing.TestRecords.electricity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.QualitySeverity;
import org.pharmamaturity.streams.state.avro.BatchTrack;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.TelemetryFact;
import org.pharmamaturity.streams.testing.TestRecords;

/** How one fact changes an enterprise's days and batches, without Kafka. 2025-03-01 is day 20148. */
class EnterpriseDayFactsTest {

    private static final int MARCH_1 = 20_148;

    private final Map<Integer, EnterpriseDay> storedDays = new HashMap<>();
    private final Map<String, BatchTrack> storedBatches = new HashMap<>();

    @Test
    void aReadingMarksItsEquipmentAsReportingOnItsDay() {
        long time = ms("2025-03-01T10:00:00Z");

        EnterpriseDayFacts.Applied applied = apply(new EnterpriseFact(time, true, new TelemetryFact("EQ1")), MARCH_1);

        assertThat(applied.inTime()).isTrue();
        EnterpriseDay day = applied.days().get(MARCH_1);
        assertThat(day.getLastReadingMs()).containsExactly(Map.entry("EQ1", time));
        assertThat(day.getEarliestRawMs()).isEqualTo(time);
        assertThat(day.getLatestMs()).isEqualTo(time);
    }

    @Test
    void anEnergyReadingAddsItsCoalEquivalent() {
        EnterpriseDayFacts.Applied applied = apply(EnterpriseFacts.of(electricity("M1", "E1", "2025-03-01T10:00:00Z",
                100)), MARCH_1);

        EnterpriseDay day = applied.days().get(MARCH_1);
        assertThat(day.getEnergyKgce()).isCloseTo(12.29, within(1e-9)); // 100 kWh x 0.1229 kgce/kWh
        assertThat(day.getMeterReadings()).containsOnlyKeys("M1");
    }

    @Test
    void aMeterKeepsOneSlotPerQuarterHourHoweverOftenItReads() {
        for (String time : List.of("2025-03-01T10:01:00Z", "2025-03-01T10:14:59Z", "2025-03-01T10:15:00Z")) {
            apply(EnterpriseFacts.of(electricity("M1", "E1", time, 1)), MARCH_1).days().forEach(storedDays::put);
        }

        // 10:01 and 10:14:59 fall in the slot from 10:00, 10:15 starts the next one.
        assertThat(storedDays.get(MARCH_1).getMeterReadings().get("M1"))
                .containsExactly(ms("2025-03-01T10:00:00Z"), ms("2025-03-01T10:15:00Z"));
        assertThat(storedDays.get(MARCH_1).getEnergyKgce()).isCloseTo(0.3687, within(1e-9)); // 3 x 0.1229
    }

    @Test
    void aReadingOfAClosedDayIsLateAndChangesNothing() {
        EnterpriseDayFacts.Applied applied = apply(EnterpriseFacts.of(electricity("M1", "E1", "2025-03-01T10:00:00Z",
                100)), MARCH_1 + 1);

        assertThat(applied.inTime()).isFalse();
        assertThat(applied.days()).isEmpty();
        assertThat(applied.batches()).isEmpty();
    }

    @Test
    void aLateDeviationStillMarksItsBatchReleasedOnAnOpenDay() {
        // Batch B1 released on March 2nd, still open; the deviation against it was opened on March 1st, closed.
        EnterpriseDayFacts.Applied released = apply(EnterpriseFacts.of(batch("B1", "E1", "2025-03-02T09:00:00Z",
                BatchState.RELEASED, 0.9)), MARCH_1 + 1);
        released.days().forEach(storedDays::put);
        released.batches().forEach(storedBatches::put);

        EnterpriseDayFacts.Applied applied = apply(EnterpriseFacts.of(deviation("Q1", "E1", "2025-03-01T23:00:00Z",
                QualitySeverity.MAJOR, "B1")), MARCH_1 + 1);

        assertThat(applied.inTime()).as("its opening day closed").isFalse();
        assertThat(applied.batches().get("B1").getDeviationRaised()).isTrue();
        assertThat(applied.days()).containsOnlyKeys(MARCH_1 + 1);
        assertThat(applied.days().get(MARCH_1 + 1).getReleasedBatches().get("B1").getDeviationRaised()).isTrue();
        assertThat(applied.days().get(MARCH_1 + 1).getDeviations()).as("counted on its own, closed day").isEmpty();
    }

    private EnterpriseDayFacts.Applied apply(EnterpriseFact fact, int firstOpenDay) {
        return EnterpriseDayFacts.apply("E1", fact, firstOpenDay, storedDays::get, storedBatches::get);
    }

    private static long ms(String time) {
        return TestRecords.at(time).toEpochMilli();
    }
}

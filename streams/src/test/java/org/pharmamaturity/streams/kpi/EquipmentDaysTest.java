package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.kpi.EquipmentKpis.value;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.state;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.streams.kpi.DayStateFunction.DayTime;
import org.pharmamaturity.streams.kpi.DayStateFunction.Step;
import org.pharmamaturity.streams.state.avro.EquipmentTrack;
import org.pharmamaturity.streams.state.avro.StateChangeEntry;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The OEE day function alone, without Kafka: (track, input) to (track, published days). 2025-03-01 is day 20148.
 */
class EquipmentDaysTest {

    private static final int MARCH_1 = 20_148;
    private static final long HOUR = 3_600_000L;
    private static final long WALL = 42L;
    private static final DayTime MARCH_1_OPEN = new DayTime(MARCH_1, 7L, WALL);

    private final EquipmentDays days = new EquipmentDays();

    @Test
    void aClosedDayGetsItsFinalFiguresAndKeepsOnlyTheStateInForce() {
        EquipmentTrack track = apply(null, state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
        track = apply(track, count("EQ1", "E1", "2025-03-01T10:00:00Z", 950, 50, 36_000));
        track = apply(track, state("EQ1", "E1", "2025-03-01T18:00:00Z", EquipmentState.UNPLANNED_STOP));
        assertThat(days.closes(track, MARCH_1)).isFalse();
        assertThat(days.closes(track, MARCH_1 + 1)).isTrue();

        Step<EquipmentTrack, EquipmentDayResult> closed = days.close(track, new DayTime(MARCH_1 + 1, 9L, WALL));

        assertThat(closed.published()).extracting(Record::key).containsExactly("EQ1@2025-03-01");
        assertThat(closed.published().get(0).timestamp()).isEqualTo(9L);
        EquipmentKpi kpi = closed.published().get(0).value().kpi();
        // UNPLANNED_STOP carries to midnight: observed 06-24 = 18 h, no planned stop, running 06-18 = 12 h.
        assertThat(kpi.getComponents().getObservedMs()).isEqualTo(18 * HOUR);
        assertThat(kpi.getComponents().getRunningMs()).isEqualTo(12 * HOUR);
        assertThat(value(kpi, "availability")).isCloseTo(2.0 / 3, within(1e-12)); // 12 h / 18 h
        assertThat(value(kpi, "performance")).isCloseTo(10.0 / 12, within(1e-12)); // 1000 x 36 s = 10 h / 12 h
        assertThat(value(kpi, "quality")).isCloseTo(0.95, within(1e-12)); // 950 / 1000
        assertThat(value(kpi, "oee")).isCloseTo(2.0 / 3 * 10 / 12 * 0.95, within(1e-12)); // 0.52777...
        assertThat(kpi.getEventTime().toEpochMilli()).isEqualTo(WALL);
        assertThat(closed.state().getDays()).isEmpty();
        // With no open day left, only the change in force now is kept.
        assertThat(closed.state().getChanges()).extracting(StateChangeEntry::getState)
                .containsExactly("UNPLANNED_STOP");
    }

    @Test
    void anInputThatChangesNoFigurePublishesNothing() {
        EquipmentTrack track = apply(null, state("EQ1", "E1", "2025-03-01T06:00:00Z", EquipmentState.RUNNING));

        // At the same time as the latest input and counting nothing: the accounted window and the counts stay.
        Step<EquipmentTrack, EquipmentDayResult> step = days.apply("EQ1", track,
                count("EQ1", "E1", "2025-03-01T06:00:00Z", 0, 0, 36_000), MARCH_1_OPEN);

        assertThat(step.published()).isEmpty();
    }

    @Test
    void aStateCarriesThroughASilentOpenDayButNotThroughAClosedOne() {
        EquipmentTrack track = apply(null, state("EQ1", "E1", "2025-03-01T22:00:00Z", EquipmentState.RUNNING));
        SpecificRecord twoDaysLater = count("EQ1", "E1", "2025-03-03T08:00:00Z", 0, 0, 36_000);

        List<Record<String, EquipmentDayResult>> allOpen = days.apply("EQ1", copy(track), twoDaysLater, MARCH_1_OPEN)
                .published();
        assertThat(allOpen).extracting(Record::key)
                .containsExactly("EQ1@2025-03-01", "EQ1@2025-03-02", "EQ1@2025-03-03");
        // March 2nd: RUNNING all day, 24 h; March 3rd: RUNNING up to the latest input, 08:00.
        assertThat(allOpen.get(1).value().kpi().getComponents().getRunningMs()).isEqualTo(24 * HOUR);
        assertThat(allOpen.get(2).value().kpi().getComponents().getRunningMs()).isEqualTo(8 * HOUR);

        List<Record<String, EquipmentDayResult>> secondClosed = days.apply("EQ1", copy(track), twoDaysLater,
                new DayTime(MARCH_1 + 2, 7L, WALL)).published();
        assertThat(secondClosed).extracting(Record::key).containsExactly("EQ1@2025-03-01", "EQ1@2025-03-03");
    }

    @Test
    void anInputIsAStateChangeOrACount() {
        assertThat(days.eventTimeMs(count("EQ1", "E1", "2025-03-01T10:00:00Z", 1, 0, 1)))
                .isEqualTo(TestRecords.at("2025-03-01T10:00:00Z").toEpochMilli());
        assertThatThrownBy(() -> days.eventTimeMs(TestRecords.telemetry("EQ1", "E1", "2025-03-01T10:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EquipmentTelemetry");
    }

    private EquipmentTrack apply(EquipmentTrack track, SpecificRecord input) {
        return days.apply("EQ1", track, input, MARCH_1_OPEN).state();
    }

    private static EquipmentTrack copy(EquipmentTrack track) {
        return EquipmentTrack.newBuilder(track).build();
    }
}

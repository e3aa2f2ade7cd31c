package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.transport;

import java.util.List;

import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.streams.kpi.DayStateFunction.DayTime;
import org.pharmamaturity.streams.kpi.DayStateFunction.Step;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.ColdChainUnit;

/**
 * The cold-chain day function alone, without Kafka: (unit, reading) to (unit, alerts and figures). Shipment S1's
 * transport logger, label 2-8 °C; 2025-03-01 is day 20148.
 */
class ColdChainDaysTest {

    private static final int MARCH_1 = 20_148;
    private static final DayTime MARCH_1_OPEN = new DayTime(MARCH_1, 7L, 42L);

    private final ColdChainDays days = new ColdChainDays();

    @Test
    void aNewExcursionIsAlertedOnceAndEveryChangeOfTheFiguresIsPublished() {
        Step<ColdChainUnit, ColdChainResult> first = apply(null, transport("S1", "E1", "2025-03-01T10:00:00Z", 9.0));
        // 9.0 °C is above 8: a new episode (alert first), and the day's first figures.
        assertThat(first.published()).extracting(record -> record.value().isAlert()).containsExactly(true, false);
        assertThat(first.published()).extracting(Record::key).containsOnly("E1");
        assertThat(first.published().get(0).value().alert().getAttributes()).containsEntry("start",
                "2025-03-01T10:00:00Z");

        // 5 min later, still out of range: the same episode, merged (< 10 min apart); no second alert.
        Step<ColdChainUnit, ColdChainResult> second = apply(first.state(),
                transport("S1", "E1", "2025-03-01T10:05:00Z", 9.5));
        assertThat(second.published()).extracting(record -> record.value().isAlert()).containsExactly(false);
        ColdChainDayFigures figures = (ColdChainDayFigures) second.published().get(0).value().fact().getFact();
        assertThat(figures.getExcursions()).isEqualTo(1);
        assertThat(figures.getMktSamples()).isEqualTo(2);
    }

    @Test
    void aClosedDayKeepsItsFiguresForQueries() {
        ColdChainUnit unit = apply(null, transport("S1", "E1", "2025-03-01T10:00:00Z", 5.0)).state();
        assertThat(days.closes(unit, MARCH_1 + 1)).isTrue();

        Step<ColdChainUnit, ColdChainResult> closed = days.close(unit, new DayTime(MARCH_1 + 1, 9L, 42L));

        // A shipment's logging ends with its last reading, closed or not: the figures did not change.
        assertThat(closed.published()).isEmpty();
        assertThat(closed.state().getDays()).isEmpty();
        assertThat(closed.state().getClosedDays()).extracting(ColdChainDayFigures::getDay).containsExactly(MARCH_1);
    }

    @Test
    void aUnitSilentForLongerThanTheClosedDaysKeptIsForgotten() {
        ColdChainUnit unit = apply(null, transport("S1", "E1", "2025-03-01T10:00:00Z", 5.0)).state();
        unit = days.close(unit, new DayTime(MARCH_1 + 1, 9L, 42L)).state();

        // Latest reading on March 1st; forgotten once March 1st < first open day - 31.
        assertThat(days.closes(unit, MARCH_1 + ColdChainDays.CLOSED_DAYS_KEPT)).isFalse(); // 20148 < 20148: no
        assertThat(days.closes(unit, MARCH_1 + ColdChainDays.CLOSED_DAYS_KEPT + 1)).isTrue(); // 20148 < 20149
        Step<ColdChainUnit, ColdChainResult> forgotten = days.close(unit, new DayTime(MARCH_1 + 32, 9L, 42L));
        assertThat(forgotten.state()).isNull();
        assertThat(forgotten.published()).isEqualTo(List.of());
    }

    private Step<ColdChainUnit, ColdChainResult> apply(ColdChainUnit unit, ColdChainReading reading) {
        return days.apply("S1", unit, reading, MARCH_1_OPEN);
    }
}

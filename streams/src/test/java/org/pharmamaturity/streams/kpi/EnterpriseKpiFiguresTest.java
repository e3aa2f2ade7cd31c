package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.EquipmentDayFact;
import org.pharmamaturity.streams.state.avro.OeeFigures;
import org.pharmamaturity.streams.state.avro.PendingKpis;
import org.pharmamaturity.streams.state.avro.RollingTallies;
import org.pharmamaturity.streams.state.avro.TelemetryFact;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * What an enterprise publishes when its days changed, without Kafka: (changed days, stored KPIs and running sums)
 * to (KPIs to publish, running sums). 2025-03-01 is day 20148.
 */
class EnterpriseKpiFiguresTest {

    private static final int MARCH_1 = 20_148;
    private static final long HOUR = 3_600_000L;
    private static final long WALL = 42L;
    /** Planned 10 h - 2 h = 8 h, running 6 h, ideal run time 4.8 h, 950 good of 1000. */
    private static final OeeFigures PRESS = new OeeFigures(10 * HOUR, 10 * HOUR, 2 * HOUR, 6 * HOUR, 4.8 * HOUR, 950L,
            50L, 0, 0);
    /** Planned 8 h, running 4 h, ideal run time 2 h, 90 good of 100. */
    private static final OeeFigures FILLER = new OeeFigures(8 * HOUR, 8 * HOUR, 0L, 4 * HOUR, 2.0 * HOUR, 90L, 10L,
            0, 0);

    private final Map<Integer, EnterpriseDay> storedDays = new HashMap<>();
    private final Map<Integer, EnterpriseKpi> storedDaily = new HashMap<>();
    private EnterpriseKpi storedRolling;
    private RollingTallies storedWindow;

    @Test
    void aDaysFiguresArePublishedOnceWithItsRollingFigures() {
        EnterpriseDay march1 = day(MARCH_1, PRESS, "2025-03-01T08:00:00Z", "2025-03-01T10:00:00Z");

        EnterpriseKpiFigures.Publication publication = publish(march1, "2025-03-01T10:00:00Z",
                List.of(equipment("EQ1", "E1"), equipment("EQ2", "E1")));

        assertThat(publication.daily()).hasSize(1);
        EnterpriseKpi daily = publication.daily().get(0);
        assertThat(daily.getDay()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(daily.getAsOf()).isEqualTo(TestRecords.at("2025-03-01T10:00:00Z"));
        assertThat(daily.getEventTime().toEpochMilli()).isEqualTo(WALL);
        // A = 6 h / 8 h = 0.75, P = 4.8 h / 6 h = 0.8, Q = 950 / 1000 = 0.95: OEE = 0.57.
        assertThat(value(daily, Indicators.AVAILABILITY)).isCloseTo(0.75, within(1e-12));
        assertThat(value(daily, Indicators.PERFORMANCE)).isCloseTo(0.8, within(1e-12));
        assertThat(value(daily, Indicators.QUALITY)).isCloseTo(0.95, within(1e-12));
        assertThat(value(daily, Indicators.OEE)).isCloseTo(0.57, within(1e-12));
        assertThat(daily.getValues().get(Indicators.OEE).getCoverage()).isEqualTo(1.0); // observed 10 h of 10 h
        assertThat(daily.getComponents().getGoodCount()).isEqualTo(950L);
        // EQ1 of the two registered read that day; watched from its first reading 08:00 to the latest event 10:00.
        assertThat(value(daily, Indicators.NETWORKING_RATE)).isEqualTo(0.5);
        assertThat(daily.getValues().get(Indicators.NETWORKING_RATE).getCoverage())
                .isCloseTo(2.0 / 24, within(1e-12));

        EnterpriseKpi rolling = publication.rolling();
        assertThat(publication.rollingChanged()).isTrue();
        assertThat(rolling.getAsOf()).isEqualTo(TestRecords.at("2025-03-01T10:00:00Z"));
        assertThat(value(rolling, Indicators.OEE)).isCloseTo(0.57, within(1e-12)); // the one day of the window
        assertThat(rolling.getValues().get(Indicators.OEE).getWindow()).isEqualTo(KpiValues.ROLLING_30_DAYS);
        // EQ1 read at 08:00, within 24 h of 10:00; the 24 h were watched from 08:00: 2 h of 24 h.
        assertThat(value(rolling, Indicators.NETWORKING_RATE)).isEqualTo(0.5);
        assertThat(rolling.getValues().get(Indicators.NETWORKING_RATE).getCoverage())
                .isCloseTo(2.0 / 24, within(1e-12));
        assertThat(publication.expiredThrough()).as("no window before").isEmpty();
    }

    @Test
    void aDayWhoseFiguresDidNotChangeIsNotPublishedAgain() {
        EnterpriseDay march1 = day(MARCH_1, PRESS, "2025-03-01T08:00:00Z", "2025-03-01T10:00:00Z");
        store(publish(march1, "2025-03-01T10:00:00Z", List.of()));

        EnterpriseKpiFigures.Publication again = publish(march1, "2025-03-01T10:00:00Z", List.of());

        assertThat(again.daily()).isEmpty();
        assertThat(again.rollingChanged()).isFalse();
        assertThat(value(again.rolling(), Indicators.OEE)).isCloseTo(0.57, within(1e-12));
        assertThat(again.expiredThrough()).as("same day").isEmpty();
    }

    @Test
    void theRollingFiguresSumTheTimesAndCountsOfTheDaysInTheWindow() {
        publishMarch1();

        EnterpriseKpiFigures.Publication march2 = publishFillerDay(MARCH_1 + 1, "2025-03-02");

        // Only March 2nd changed: A = 4 h / 8 h = 0.5, P = 2 h / 4 h = 0.5, Q = 90 / 100 = 0.9: OEE = 0.225.
        assertThat(march2.daily()).extracting(EnterpriseKpi::getDay).containsExactly(LocalDate.of(2025, 3, 2));
        assertThat(value(march2.daily().get(0), Indicators.OEE)).isCloseTo(0.225, within(1e-12));
        // Both days: A = (6 + 4) h / (8 + 8) h = 0.625, P = (4.8 + 2) h / 10 h = 0.68, Q = 1040 / 1100.
        EnterpriseKpi rolling = march2.rolling();
        assertThat(rolling.getComponents().getGoodCount()).isEqualTo(1040L);
        assertThat(value(rolling, Indicators.AVAILABILITY)).isCloseTo(0.625, within(1e-12));
        assertThat(value(rolling, Indicators.PERFORMANCE)).isCloseTo(0.68, within(1e-12));
        assertThat(value(rolling, Indicators.OEE)).isCloseTo(0.625 * 0.68 * 1040 / 1100, within(1e-12)); // 0.40181...
        assertThat(rolling.getDay()).isEqualTo(LocalDate.of(2025, 3, 2));
        // The window moved to March 2nd (February 1st to March 2nd): January 31st and before are no longer needed.
        assertThat(march2.expiredThrough()).isEqualTo(OptionalInt.of(MARCH_1 + 1 - 30));
    }

    @Test
    void aDayThatLeftTheWindowIsTakenOutOfTheRollingFigures() {
        publishMarch1();

        // March 31st is day MARCH_1 + 30: its window holds March 2nd to March 31st.
        EnterpriseKpiFigures.Publication march31 = publishFillerDay(MARCH_1 + 30, "2025-03-31");

        EnterpriseKpi rolling = march31.rolling();
        assertThat(march31.rollingChanged()).isTrue();
        assertThat(rolling.getComponents().getGoodCount()).as("March 1st's 950 taken out").isEqualTo(90L);
        assertThat(value(rolling, Indicators.OEE)).isCloseTo(0.225, within(1e-12)); // 0.5 x 0.5 x 0.9, as March 31st
        assertThat(march31.expiredThrough()).isEqualTo(OptionalInt.of(MARCH_1));
    }

    @Test
    void whatIsDueCollectsEachDayOnceAndTheLatestTimes() {
        PendingKpis due = EnterpriseKpiFigures.due(null, List.of(MARCH_1), 1_000L, 2_000L);
        assertThat(due).isEqualTo(new PendingKpis(List.of(MARCH_1), 1_000L, 2_000L));

        due = EnterpriseKpiFigures.due(due, List.of(MARCH_1 + 1, MARCH_1), 500L, 3_000L);

        // The earlier fact does not move the latest fact time back; the later timestamp wins.
        assertThat(due).isEqualTo(new PendingKpis(List.of(MARCH_1, MARCH_1 + 1), 1_000L, 3_000L));
    }

    /**
     * A day as the enterprise's facts leave it: a reading of EQ1 at {@code readingTime}, then the equipment's
     * figures for the day at {@code figuresTime}.
     */
    private EnterpriseDay day(int day, OeeFigures figures, String readingTime, String figuresTime) {
        for (EnterpriseFact fact : List.of(new EnterpriseFact(ms(readingTime), true, new TelemetryFact("EQ1")),
                new EnterpriseFact(ms(figuresTime), false, new EquipmentDayFact("EQ1", day, figures, new ArrayList<>())))) {
            EnterpriseDayFacts.apply("E1", fact, day, storedDays::get, batchId -> null).days().forEach(storedDays::put);
        }
        return storedDays.get(day);
    }

    private EnterpriseKpiFigures.Publication publish(EnterpriseDay changed, String latestFact, List<Equipment> registered) {
        EnterpriseKpiFigures.Stored stored = new EnterpriseKpiFigures.Stored(storedRolling, storedWindow,
                storedDays::get, this::windowEndingWith, storedDaily::get);
        return EnterpriseKpiFigures.publish("E1", List.of(changed), ms(latestFact), stored, registered, WALL);
    }

    /** Keeps what a publication stores, as the processor does. */
    private void store(EnterpriseKpiFigures.Publication publication) {
        storedWindow = publication.window();
        publication.daily().forEach(kpi -> storedDaily.put((int) kpi.getDay().toEpochDay(), kpi));
        storedRolling = publication.rolling();
    }

    private List<EnterpriseDay> windowEndingWith(int latestDay) {
        return storedDays.values().stream().filter(day -> day.getDay() > latestDay - 30 && day.getDay() <= latestDay)
                .sorted((a, b) -> Integer.compare(a.getDay(), b.getDay())).toList();
    }

    private static double value(EnterpriseKpi kpi, String indicator) {
        return kpi.getValues().get(indicator).getValue();
    }

    private static long ms(String time) {
        return TestRecords.at(time).toEpochMilli();
    }

    /** March 1st's press day (OEE 0.57), published and stored. */
    private void publishMarch1() {
        store(publish(day(MARCH_1, PRESS, "2025-03-01T08:00:00Z", "2025-03-01T10:00:00Z"), "2025-03-01T10:00:00Z",
                List.of()));
    }

    /** The filler's day {@code day} ({@code date}), read from 08:00 to 10:00 and published at 10:00. */
    private EnterpriseKpiFigures.Publication publishFillerDay(int day, String date) {
        return publish(day(day, FILLER, date + "T08:00:00Z", date + "T10:00:00Z"), date + "T10:00:00Z", List.of());
    }
}

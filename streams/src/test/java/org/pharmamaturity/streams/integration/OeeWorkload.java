package org.pharmamaturity.streams.integration;

import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.avro.specific.SpecificRecord;
import org.pharmamaturity.evaluation.kpi.OeeAccumulator;
import org.pharmamaturity.evaluation.kpi.OeeTotals;
import org.pharmamaturity.evaluation.kpi.StateChange;
import org.pharmamaturity.evaluation.kpi.TimeWindow;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.ProductionCount;

/**
 * A deterministic stream of equipment states and counts for the exactly-once tests, and the daily OEE figures it
 * must produce, computed independently of the pipeline: straight from the list of distinct events with the
 * evaluation library's OeeAccumulator, one equipment-day at a time. Every seventh count is sent twice with the
 * same eventId, so a pipeline that counts a resent event twice, or loses one, shows a difference.
 */
final class OeeWorkload {

    /** An event to send: its topic, key and value, in event-time order. */
    record Event(Topic<? extends SpecificRecord> topic, String key, SpecificRecord value, Instant time) {
    }

    /** Times and counts of one equipment-day or enterprise-day. */
    record Figures(long observedMs, long plannedStopMs, long runningMs, double idealMs, long good, long reject) {

        static Figures of(OeeTotals totals) {
            return new Figures(totals.observedMs(), totals.plannedStopMs(), totals.runningMs(), totals.idealRunTimeMs(),
                    totals.goodCount(), totals.rejectCount());
        }

        Figures plus(Figures other) {
            return new Figures(observedMs + other.observedMs, plannedStopMs + other.plannedStopMs,
                    runningMs + other.runningMs, idealMs + other.idealMs, good + other.good, reject + other.reject);
        }
    }

    private static final int DAYS = 2;
    private static final double IDEAL_CYCLE_MS = 30_000;

    private final List<Event> events = new ArrayList<>();
    private final Map<String, String> enterpriseOf = new LinkedHashMap<>();

    /** {@code equipmentPerEnterprise} equipment for each enterprise, from {@code firstDay} for two days. */
    OeeWorkload(List<String> enterprises, int equipmentPerEnterprise, String run, LocalDate firstDay) {
        int index = 0;
        for (String enterprise : enterprises) {
            for (int n = 0; n < equipmentPerEnterprise; n++, index++) {
                String equipment = "EQ" + index + "-" + run;
                enterpriseOf.put(equipment, enterprise);
                addEquipment(equipment, enterprise, index, firstDay);
            }
        }
        events.sort(Comparator.comparing(Event::time));
    }

    private void addEquipment(String equipment, String enterprise, int index, LocalDate firstDay) {
        int sent = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = firstDay.plusDays(d);
            addState(equipment, enterprise, day, 0, index * 10, EquipmentState.RUNNING);
            addState(equipment, enterprise, day, 8, 0, EquipmentState.PLANNED_STOP);
            addState(equipment, enterprise, day, 9, 0, EquipmentState.RUNNING);
            addState(equipment, enterprise, day, 15, index, EquipmentState.UNPLANNED_STOP);
            addState(equipment, enterprise, day, 16, 0, EquipmentState.RUNNING);
            for (int hour = 0; hour < 24; hour++) {
                ProductionCount produced = count(equipment, enterprise, iso(day, hour, 30), 100 + index + hour,
                        hour % 3, IDEAL_CYCLE_MS);
                events.add(new Event(Topic.FACTORY_PRODUCTION_COUNT, equipment, produced, produced.getEventTime()));
                if (++sent % 7 == 0) {
                    events.add(new Event(Topic.FACTORY_PRODUCTION_COUNT, equipment, produced,
                            produced.getEventTime().plusMillis(1)));
                }
            }
        }
        // Half an hour into the day after: makes the last day complete (accounted to midnight).
        addState(equipment, enterprise, firstDay.plusDays(DAYS), 0, 30, EquipmentState.IDLE);
    }

    private void addState(String equipment, String enterprise, LocalDate day, int hour, int minute, EquipmentState state) {
        EquipmentStateChange change = state(equipment, enterprise, iso(day, hour, minute), state);
        events.add(new Event(Topic.FACTORY_EQUIPMENT_STATE, equipment, change, change.getEventTime()));
    }

    private static String iso(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC).toString();
    }

    List<Event> events() {
        return events;
    }

    Set<String> equipment() {
        return enterpriseOf.keySet();
    }

    String enterpriseOf(String equipment) {
        return enterpriseOf.get(equipment);
    }

    /** The figures of every equipment-day (key equipmentId@day) the distinct events give. */
    Map<String, Figures> equipmentDays() {
        Map<String, Figures> expected = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, List<StateChange>> changes = new LinkedHashMap<>();
        Map<String, Map<LocalDate, OeeAccumulator>> counts = new LinkedHashMap<>();
        Map<String, Instant> latest = new LinkedHashMap<>();
        for (Event event : events) {
            if (event.value() instanceof EquipmentStateChange change && seen.add(change.getEventId())) {
                changes.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(new StateChange(
                        change.getEventTime().toEpochMilli(),
                        org.pharmamaturity.evaluation.kpi.EquipmentState.valueOf(change.getState().name())));
                latest.merge(event.key(), change.getEventTime(), (a, b) -> a.isAfter(b) ? a : b);
                counts.computeIfAbsent(event.key(), k -> new TreeMap<>())
                        .putIfAbsent(LocalDate.ofInstant(change.getEventTime(), ZoneOffset.UTC), OeeAccumulator.empty());
            } else if (event.value() instanceof ProductionCount produced && seen.add(produced.getEventId())) {
                counts.computeIfAbsent(event.key(), k -> new TreeMap<>()).merge(
                        LocalDate.ofInstant(produced.getEventTime(), ZoneOffset.UTC),
                        OeeAccumulator.empty().withCount(produced.getGoodCount(), produced.getRejectCount(),
                                produced.getIdealCycleTimeMs()), OeeAccumulator::merge);
                latest.merge(event.key(), produced.getEventTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        counts.forEach((equipment, byDay) -> byDay.forEach((day, tally) -> {
            TimeWindow whole = TimeWindow.utcDay(day);
            long end = Math.min(whole.endMs(), latest.get(equipment).toEpochMilli());
            OeeAccumulator accumulator = new OeeAccumulator(changes.get(equipment), tally.goodCount(),
                    tally.rejectCount(), tally.idealRunTimeMs());
            expected.put(Topic.dailyKey(equipment, day),
                    Figures.of(accumulator.totals(new TimeWindow(whole.startMs(), end))));
        }));
        return expected;
    }

    /** The figures of every enterprise-day: the sum of its equipment's. */
    Map<String, Figures> enterpriseDays() {
        Map<String, Figures> expected = new TreeMap<>();
        equipmentDays().forEach((key, figures) -> {
            String[] parts = key.split("@");
            expected.merge(enterpriseOf(parts[0]) + "@" + parts[1], figures, Figures::plus);
        });
        return expected;
    }
}

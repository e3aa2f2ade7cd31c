package org.pharmamaturity.streams.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Record;
import org.pharmamaturity.evaluation.kpi.EquipmentState;
import org.pharmamaturity.evaluation.kpi.OeeAccumulator;
import org.pharmamaturity.evaluation.kpi.OeeFlag;
import org.pharmamaturity.evaluation.kpi.OeeResult;
import org.pharmamaturity.evaluation.kpi.OeeTotals;
import org.pharmamaturity.evaluation.kpi.StateChange;
import org.pharmamaturity.evaluation.kpi.TimeWindow;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.KpiValue;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.EquipmentDayFact;
import org.pharmamaturity.streams.state.avro.EquipmentDayTally;
import org.pharmamaturity.streams.state.avro.EquipmentTrack;
import org.pharmamaturity.streams.state.avro.OeeFigures;
import org.pharmamaturity.streams.state.avro.StateChangeEntry;

/**
 * OEE per equipment per UTC day as a pure function over the equipment's track (its state changes the open days
 * need and the counts of each open day), which it hands to the evaluation library's {@link OeeAccumulator}: that
 * orders changes by event time (so out-of-order changes land where they belong), lets each state last until the
 * next change and cuts the intervals at the day's bounds.
 *
 * <p>After every input the open days of the equipment are recomputed; a day whose figures changed is published
 * (a correction when the input was late but inside the grace). An open day is accounted up to the equipment's
 * latest input; once a later day has data, or the day closes, it is accounted to midnight, so a state carries
 * across midnight, also through days without any input between two inputs. A closing day gets its final figures
 * and is dropped; state changes older than the earliest open day are pruned, except the one in force at its start.
 */
public final class EquipmentDays implements DayStateFunction<SpecificRecord, EquipmentTrack, EquipmentDayResult> {

    @Override
    public long eventTimeMs(SpecificRecord input) {
        return Input.of(input).timeMs();
    }

    @Override
    public Step<EquipmentTrack, EquipmentDayResult> apply(String equipmentId, EquipmentTrack stored,
            SpecificRecord value, DayTime time) {
        Input input = Input.of(value);
        int day = UtcDays.dayOf(input.timeMs());
        EquipmentTrack track = stored != null ? stored : new EquipmentTrack(equipmentId, input.enterpriseId(),
                input.siteId(), input.timeMs(), new ArrayList<>(), new ArrayList<>());
        track.setEnterpriseId(input.enterpriseId());
        track.setSiteId(input.siteId());
        int previousLatestDay = UtcDays.dayOf(track.getLatestMs());
        EquipmentDayTally tally = tally(track, day);
        if (input.state() != null) {
            track.getChanges().add(new StateChangeEntry(input.timeMs(), input.state().name()));
        } else {
            OeeAccumulator counted = accumulator(List.of(), tally).withCount(input.good(), input.reject(),
                    input.idealCycleTimeMs());
            tally.setGoodCount(counted.goodCount());
            tally.setRejectCount(counted.rejectCount());
            tally.setIdealCycleMsTotal(counted.idealRunTimeMs());
        }
        track.setLatestMs(Math.max(track.getLatestMs(), input.timeMs()));
        int latestDay = UtcDays.dayOf(track.getLatestMs());
        for (int between = previousLatestDay + 1; between < latestDay; between++) {
            if (between >= time.firstOpenDay() && stateKnownAt(track, UtcDays.startOf(between))) {
                tally(track, between);
            }
        }
        // No day is closing here: closings are the business of close(), which follows.
        return new Step<>(track, changed(track, Integer.MIN_VALUE, time));
    }

    @Override
    public boolean closes(EquipmentTrack track, int firstOpenDay) {
        return track.getDays().stream().anyMatch(tally -> tally.getDay() < firstOpenDay);
    }

    @Override
    public Step<EquipmentTrack, EquipmentDayResult> close(EquipmentTrack track, DayTime time) {
        List<Record<String, EquipmentDayResult>> published = changed(track, time.firstOpenDay(), time);
        track.setDays(new ArrayList<>(track.getDays().stream()
                .filter(tally -> tally.getDay() >= time.firstOpenDay()).toList()));
        pruneChanges(track);
        return new Step<>(track, published);
    }

    /**
     * Recomputes every open day of the equipment and returns those whose figures changed; days before
     * {@code firstOpenDay} are closing and are accounted to midnight.
     */
    private static List<Record<String, EquipmentDayResult>> changed(EquipmentTrack track, int firstOpenDay,
            DayTime time) {
        List<Record<String, EquipmentDayResult>> published = new ArrayList<>();
        for (EquipmentDayTally tally : track.getDays()) {
            boolean complete = tally.getDay() < firstOpenDay || tally.getDay() < UtcDays.dayOf(track.getLatestMs());
            long start = UtcDays.startOf(tally.getDay());
            long end = complete ? UtcDays.endOf(tally.getDay()) : Math.min(UtcDays.endOf(tally.getDay()), track.getLatestMs());
            OeeTotals totals = totals(track, tally, start, end);
            OeeFigures figures = OeeFigureRecords.toFigures(totals);
            if (!figures.equals(tally.getEmitted())) {
                tally.setEmitted(figures);
                EquipmentKpi kpi = kpi(track, tally.getDay(), end, totals, time.wallMs());
                EnterpriseFact fact = new EnterpriseFact(end, false, new EquipmentDayFact(track.getEquipmentId(),
                        tally.getDay(), figures, kpi.getFlags()));
                published.add(new Record<>(Topic.dailyKey(track.getEquipmentId(), UtcDays.date(tally.getDay())),
                        EquipmentDayResult.ofDay(track.getEnterpriseId(), kpi, fact), time.timestampMs()));
            }
        }
        return published;
    }

    private static OeeTotals totals(EquipmentTrack track, EquipmentDayTally tally, long start, long end) {
        List<StateChange> changes = track.getChanges().stream()
                .map(change -> new StateChange(change.getTimeMs(), EquipmentState.valueOf(change.getState())))
                .toList();
        OeeAccumulator accumulator = accumulator(changes, tally);
        if (end <= start) {
            // Nothing of the day is accounted yet (its only input sits at midnight): counts, but no time.
            return new OeeTotals(0, 0, 0, 0, accumulator.idealRunTimeMs(), accumulator.goodCount(),
                    accumulator.rejectCount(), 0, 0);
        }
        return accumulator.totals(new TimeWindow(start, end));
    }

    private static EquipmentKpi kpi(EquipmentTrack track, int day, long end, OeeTotals totals, long wallMs) {
        OeeResult result = totals.result();
        Map<String, KpiValue> values = new TreeMap<>();
        values.put(Indicators.OEE, KpiValues.of(result.oee(), result.coverage(), KpiValues.DAY));
        values.put(Indicators.AVAILABILITY, KpiValues.of(result.availability(), result.coverage(), KpiValues.DAY));
        values.put(Indicators.PERFORMANCE, KpiValues.of(result.performance(), result.coverage(), KpiValues.DAY));
        values.put(Indicators.QUALITY, KpiValues.of(result.quality(), result.coverage(), KpiValues.DAY));
        return EquipmentKpi.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(wallMs))
                .setEnterpriseId(track.getEnterpriseId())
                .setSiteId(track.getSiteId())
                .setEquipmentId(track.getEquipmentId())
                .setDay(UtcDays.date(day))
                .setAsOf(Instant.ofEpochMilli(end))
                .setValues(values)
                .setComponents(OeeFigureRecords.toComponents(totals))
                .setFlags(result.flags().stream().map(OeeFlag::name).sorted().toList())
                .build();
    }

    private static OeeAccumulator accumulator(List<StateChange> changes, EquipmentDayTally tally) {
        return new OeeAccumulator(changes, tally.getGoodCount(), tally.getRejectCount(), tally.getIdealCycleMsTotal());
    }

    /** The tally of the day, added in day order when the day has none yet. */
    private static EquipmentDayTally tally(EquipmentTrack track, int day) {
        return UtcDays.entryOf(track.getDays(), day, EquipmentDayTally::getDay,
                d -> new EquipmentDayTally(d, 0L, 0L, 0.0, null));
    }

    private static boolean stateKnownAt(EquipmentTrack track, long timeMs) {
        return track.getChanges().stream().anyMatch(change -> change.getTimeMs() < timeMs);
    }

    /**
     * Keeps the changes at or after the start of the earliest open day and the one in force at that start (with
     * no open day: only the one in force now).
     */
    private static void pruneChanges(EquipmentTrack track) {
        long bound = track.getDays().isEmpty() ? Long.MAX_VALUE : UtcDays.startOf(track.getDays().get(0).getDay());
        List<StateChangeEntry> sorted = new ArrayList<>(track.getChanges());
        // Stable: of changes sharing an event time, the later-arrived stays last, as OeeAccumulator reads them.
        sorted.sort(Comparator.comparingLong(StateChangeEntry::getTimeMs));
        int inForce = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).getTimeMs() < bound) {
                inForce = i;
            }
        }
        track.setChanges(new ArrayList<>(sorted.subList(Math.max(inForce, 0), sorted.size())));
    }

    /** The fields of a state change or a production count the function needs. */
    private record Input(long timeMs, String enterpriseId, String siteId, EquipmentState state, long good, long reject,
            double idealCycleTimeMs) {

        static Input of(SpecificRecord value) {
            return switch (value) {
                case EquipmentStateChange change -> new Input(change.getEventTime().toEpochMilli(),
                        change.getEnterpriseId(), change.getSiteId(), EquipmentState.valueOf(change.getState().name()),
                        0, 0, 0);
                case ProductionCount count -> new Input(count.getEventTime().toEpochMilli(), count.getEnterpriseId(),
                        count.getSiteId(), null, count.getGoodCount(), count.getRejectCount(),
                        count.getIdealCycleTimeMs());
                default -> throw new IllegalArgumentException("not an equipment input: " + value.getSchema().getFullName());
            };
        }
    }
}

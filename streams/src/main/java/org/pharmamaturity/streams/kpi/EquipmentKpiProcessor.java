package org.pharmamaturity.streams.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
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
import org.pharmamaturity.streams.dlq.LateDeadLetters;
import org.pharmamaturity.streams.dlq.LateRecord;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.EquipmentDayFact;
import org.pharmamaturity.streams.state.avro.EquipmentDayTally;
import org.pharmamaturity.streams.state.avro.EquipmentTrack;
import org.pharmamaturity.streams.state.avro.OeeFigures;
import org.pharmamaturity.streams.state.avro.StateChangeEntry;

/**
 * OEE per equipment per UTC day from state changes and production counts (keyed by equipmentId). It keeps, per
 * equipment, the state changes the open days need and the counts of each open day, and hands them to the
 * evaluation library's {@link OeeAccumulator}, which orders changes by event time (so out-of-order changes land
 * where they belong), lets each state last until the next change and cuts the intervals at the day's bounds.
 *
 * <p>After every input the open days of the equipment are recomputed; a day whose figures changed is published
 * (a correction when the input was late but inside the grace). An open day is accounted up to the equipment's
 * latest input; once a later day has data, or the day closes, it is accounted to midnight, so a state carries
 * across midnight, also through days without any input between two inputs. A day closes when the latest event
 * time seen ({@link EventTimeClock}) passes its end plus the grace, and the close margin has passed after that in
 * wall-clock time ({@link DayWindows}; the margin lets a count overtaken by a next-day state change on the other
 * repartition topic still arrive): it gets its final figures, and later inputs for it are counted as late and go
 * to maturity.dlq ({@link LateDeadLetters}). Not the task's stream time: that depends on how the topology is cut
 * into tasks and on the producers' clocks (see {@link EventTimeClock}). State changes older than the earliest open
 * day are pruned, except the one in force at its start.
 */
public final class EquipmentKpiProcessor implements Processor<String, SpecificRecord, String, EquipmentDayResult> {

    /** Label of the late-record counter. */
    public static final String STAGE = "kpi-equipment";

    private final Duration grace;
    private final Duration closeMargin;
    private final LateDeadLetters lateRecords;
    private ProcessorContext<String, EquipmentDayResult> context;
    private KeyValueStore<String, EquipmentTrack> tracks;
    private DayWindows days;
    private int checkedFirstOpenDay = Integer.MIN_VALUE;

    public EquipmentKpiProcessor(Duration grace, Duration closeMargin, LateDeadLetters lateRecords) {
        this.grace = grace;
        this.closeMargin = closeMargin;
        this.lateRecords = lateRecords;
    }

    @Override
    public void init(ProcessorContext<String, EquipmentDayResult> context) {
        this.context = context;
        this.tracks = context.getStateStore(StoreNames.KPI_EQUIPMENT_TRACKS);
        this.days = DayWindows.resume(context.getStateStore(StoreNames.KPI_EQUIPMENT_EVENT_TIME), grace, closeMargin);
        if (days.waitsForMargin()) {
            context.schedule(days.checkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
                if (days.finalise(now)) {
                    closeDays();
                }
            });
        }
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        Input input = Input.of(record.value());
        int day = UtcDays.dayOf(input.timeMs());
        days.observe(input.timeMs(), context.currentSystemTimeMs());
        if (!days.isOpen(day)) {
            context.forward(record.withValue(EquipmentDayResult.ofLate(late(record, input))));
            closeDays();
            return;
        }
        String equipmentId = record.key();
        EquipmentTrack track = tracks.get(equipmentId);
        if (track == null) {
            track = new EquipmentTrack(equipmentId, input.enterpriseId(), input.siteId(), input.timeMs(),
                    new ArrayList<>(), new ArrayList<>());
        }
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
            if (days.isOpen(between) && stateKnownAt(track, UtcDays.startOf(between))) {
                tally(track, between);
            }
        }
        publishChanged(track, Integer.MIN_VALUE, record.timestamp());
        tracks.put(equipmentId, track);
        closeDays();
    }

    /** The dead letter of an input whose day closed, re-encoded for the input topic it came from. */
    private LateRecord late(Record<String, SpecificRecord> record, Input input) {
        long nowMs = context.currentSystemTimeMs();
        if (record.value() instanceof EquipmentStateChange change) {
            return lateRecords.deadLetter(Topic.FACTORY_EQUIPMENT_STATE, record.key(), change, record.headers(),
                    input.enterpriseId(), change.getEventTime(), nowMs);
        }
        ProductionCount count = (ProductionCount) record.value();
        return lateRecords.deadLetter(Topic.FACTORY_PRODUCTION_COUNT, record.key(), count, record.headers(),
                input.enterpriseId(), count.getEventTime(), nowMs);
    }

    /** Gives every day that closed since the last check its final figures and drops it. */
    private void closeDays() {
        int firstOpen = days.firstOpenDay();
        if (firstOpen <= checkedFirstOpenDay) {
            return;
        }
        checkedFirstOpenDay = firstOpen;
        List<KeyValue<String, EquipmentTrack>> closing = new ArrayList<>();
        try (KeyValueIterator<String, EquipmentTrack> all = tracks.all()) {
            while (all.hasNext()) {
                KeyValue<String, EquipmentTrack> entry = all.next();
                if (entry.value.getDays().stream().anyMatch(tally -> tally.getDay() < firstOpen)) {
                    closing.add(entry);
                }
            }
        }
        for (KeyValue<String, EquipmentTrack> entry : closing) {
            EquipmentTrack track = entry.value;
            publishChanged(track, firstOpen, days.highWaterMs());
            track.setDays(new ArrayList<>(track.getDays().stream().filter(tally -> tally.getDay() >= firstOpen).toList()));
            pruneChanges(track);
            tracks.put(entry.key, track);
        }
    }

    /**
     * Recomputes every open day of the equipment and publishes those whose figures changed; days before
     * {@code firstOpenDay} are closing and are accounted to midnight.
     */
    private void publishChanged(EquipmentTrack track, int firstOpenDay, long timestampMs) {
        for (EquipmentDayTally tally : track.getDays()) {
            boolean complete = tally.getDay() < firstOpenDay || tally.getDay() < UtcDays.dayOf(track.getLatestMs());
            long start = UtcDays.startOf(tally.getDay());
            long end = complete ? UtcDays.endOf(tally.getDay()) : Math.min(UtcDays.endOf(tally.getDay()), track.getLatestMs());
            OeeTotals totals = totals(track, tally, start, end);
            OeeFigures figures = OeeFigureRecords.toFigures(totals);
            if (!figures.equals(tally.getEmitted())) {
                tally.setEmitted(figures);
                EquipmentKpi kpi = kpi(track, tally.getDay(), end, totals);
                EnterpriseFact fact = new EnterpriseFact(end, false, new EquipmentDayFact(track.getEquipmentId(),
                        tally.getDay(), figures, kpi.getFlags()));
                context.forward(new Record<>(Topic.dailyKey(track.getEquipmentId(), UtcDays.date(tally.getDay())),
                        EquipmentDayResult.ofDay(track.getEnterpriseId(), kpi, fact), timestampMs));
            }
        }
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

    private EquipmentKpi kpi(EquipmentTrack track, int day, long end, OeeTotals totals) {
        OeeResult result = totals.result();
        Map<String, KpiValue> values = new TreeMap<>();
        values.put(Indicators.OEE, KpiValues.of(result.oee(), result.coverage(), KpiValues.DAY));
        values.put(Indicators.AVAILABILITY, KpiValues.of(result.availability(), result.coverage(), KpiValues.DAY));
        values.put(Indicators.PERFORMANCE, KpiValues.of(result.performance(), result.coverage(), KpiValues.DAY));
        values.put(Indicators.QUALITY, KpiValues.of(result.quality(), result.coverage(), KpiValues.DAY));
        return EquipmentKpi.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(context.currentSystemTimeMs()))
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
        List<EquipmentDayTally> tallies = track.getDays();
        int index = 0;
        while (index < tallies.size() && tallies.get(index).getDay() < day) {
            index++;
        }
        if (index < tallies.size() && tallies.get(index).getDay() == day) {
            return tallies.get(index);
        }
        EquipmentDayTally tally = new EquipmentDayTally(day, 0L, 0L, 0.0, null);
        tallies.add(index, tally);
        return tally;
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

    /** The fields of a state change or a production count the processor needs. */
    private record Input(long timeMs, String enterpriseId, String siteId, EquipmentState state, long good, long reject,
            double idealCycleTimeMs) {

        static Input of(SpecificRecord value) {
            if (value instanceof EquipmentStateChange change) {
                return new Input(change.getEventTime().toEpochMilli(), change.getEnterpriseId(), change.getSiteId(),
                        EquipmentState.valueOf(change.getState().name()), 0, 0, 0);
            }
            ProductionCount count = (ProductionCount) value;
            return new Input(count.getEventTime().toEpochMilli(), count.getEnterpriseId(), count.getSiteId(), null,
                    count.getGoodCount(), count.getRejectCount(), count.getIdealCycleTimeMs());
        }
    }
}

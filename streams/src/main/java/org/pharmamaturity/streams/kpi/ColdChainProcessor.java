package org.pharmamaturity.streams.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.evaluation.kpi.ExcursionEpisode;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.streams.alerts.Alerts;
import org.pharmamaturity.streams.dlq.LateDeadLetters;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.ColdChainSampleEntry;
import org.pharmamaturity.streams.state.avro.ColdChainUnit;
import org.pharmamaturity.streams.state.avro.ColdChainUnitDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * Cold chain per shipment or storage unit (the topic's key) and UTC day: keeps the readings of the open days,
 * publishes the day's figures ({@link ColdChainFigures}) whenever they change, and raises an alert for each new
 * excursion episode. Days close like the equipment days ({@link DayWindows}: when the time passes the day's end
 * plus the grace, and then the close margin in wall-clock time; a later reading for the day goes to maturity.dlq);
 * that time is the latest eventTime seen ({@link EventTimeClock}), not the task's stream time, because this
 * processor shares its task with validation and the stream time there follows the producers' wall clock. A closed day's
 * figures stay in the unit's record for queries (the last {@value #CLOSED_DAYS_KEPT}), and a unit silent for
 * longer than that is forgotten.
 */
public final class ColdChainProcessor implements Processor<String, ColdChainReading, String, ColdChainResult> {

    /** Label of the late-record counter. */
    public static final String STAGE = "kpi-coldchain";
    /** Closed days whose figures a unit keeps for queries. */
    public static final int CLOSED_DAYS_KEPT = 31;

    private final Duration grace;
    private final Duration closeMargin;
    private final LateDeadLetters lateRecords;
    private ProcessorContext<String, ColdChainResult> context;
    private KeyValueStore<String, ColdChainUnit> units;
    private DayWindows days;
    private int checkedFirstOpenDay = Integer.MIN_VALUE;

    public ColdChainProcessor(Duration grace, Duration closeMargin, LateDeadLetters lateRecords) {
        this.grace = grace;
        this.closeMargin = closeMargin;
        this.lateRecords = lateRecords;
    }

    @Override
    public void init(ProcessorContext<String, ColdChainResult> context) {
        this.context = context;
        this.units = context.getStateStore(StoreNames.KPI_COLDCHAIN_UNITS);
        this.days = DayWindows.resume(context.getStateStore(StoreNames.KPI_COLDCHAIN_EVENT_TIME), grace, closeMargin);
        if (days.waitsForMargin()) {
            context.schedule(days.checkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
                if (days.finalise(now)) {
                    closeDays();
                }
            });
        }
    }

    @Override
    public void process(Record<String, ColdChainReading> record) {
        ColdChainReading reading = record.value();
        long time = reading.getEventTime().toEpochMilli();
        int day = UtcDays.dayOf(time);
        days.observe(time, context.currentSystemTimeMs());
        if (!days.isOpen(day)) {
            context.forward(record.withValue(ColdChainResult.ofLate(lateRecords.deadLetter(
                    Topic.LOGISTICS_COLDCHAIN_READING, record.key(), reading, record.headers(),
                    reading.getEnterpriseId(), reading.getEventTime(), context.currentSystemTimeMs()))));
            closeDays();
            return;
        }
        ColdChainUnit unit = units.get(record.key());
        if (unit == null) {
            unit = new ColdChainUnit(record.key(), reading.getEnterpriseId(), reading.getContext().name(), time, time,
                    new ArrayList<>(), new ArrayList<>());
        }
        unit.setFirstMs(Math.min(unit.getFirstMs(), time));
        unit.setLatestMs(Math.max(unit.getLatestMs(), time));
        ColdChainUnitDay unitDay = unitDay(unit, day);
        unitDay.getSamples().add(new ColdChainSampleEntry(time, reading.getTemperatureC(), reading.getLabelMinC(),
                reading.getLabelMaxC()));
        alertNewEpisodes(unit, unitDay, reading);
        publishChanged(unit, Integer.MIN_VALUE, record.timestamp());
        units.put(record.key(), unit);
        closeDays();
    }

    private void alertNewEpisodes(ColdChainUnit unit, ColdChainUnitDay unitDay, ColdChainReading reading) {
        for (ExcursionEpisode episode : ColdChainFigures.episodes(unitDay)) {
            boolean alerted = unitDay.getAlertedEpisodeStarts().stream()
                    .anyMatch(start -> start >= episode.startMs() && start <= episode.endMs());
            if (!alerted) {
                unitDay.getAlertedEpisodeStarts().add(episode.startMs());
                context.forward(new Record<>(unit.getEnterpriseId(), ColdChainResult.ofAlert(Alerts.excursion(
                        unit.getEnterpriseId(), reading.getSiteId(), unit.getUnitId(), unit.getContext(), episode,
                        reading.getLabelMinC(), reading.getLabelMaxC())), episode.startMs()));
            }
        }
    }

    /** Gives every day that closed since the last check its final figures; cheap until the first open day moves. */
    private void closeDays() {
        int firstOpen = days.firstOpenDay();
        if (firstOpen <= checkedFirstOpenDay) {
            return;
        }
        checkedFirstOpenDay = firstOpen;
        List<KeyValue<String, ColdChainUnit>> closing = new ArrayList<>();
        try (KeyValueIterator<String, ColdChainUnit> all = units.all()) {
            while (all.hasNext()) {
                KeyValue<String, ColdChainUnit> entry = all.next();
                boolean forgotten = entry.value.getDays().isEmpty()
                        && UtcDays.dayOf(entry.value.getLatestMs()) < firstOpen - CLOSED_DAYS_KEPT;
                if (forgotten || entry.value.getDays().stream().anyMatch(d -> d.getDay() < firstOpen)) {
                    closing.add(entry);
                }
            }
        }
        for (KeyValue<String, ColdChainUnit> entry : closing) {
            ColdChainUnit unit = entry.value;
            if (unit.getDays().isEmpty()) {
                units.delete(entry.key);
                continue;
            }
            publishChanged(unit, firstOpen, days.highWaterMs());
            List<ColdChainDayFigures> closed = new ArrayList<>(unit.getClosedDays());
            List<ColdChainUnitDay> open = new ArrayList<>();
            for (ColdChainUnitDay unitDay : unit.getDays()) {
                if (unitDay.getDay() < firstOpen) {
                    closed.add(unitDay.getEmitted());
                } else {
                    open.add(unitDay);
                }
            }
            unit.setDays(open);
            unit.setClosedDays(new ArrayList<>(closed.subList(Math.max(0, closed.size() - CLOSED_DAYS_KEPT), closed.size())));
            units.put(entry.key, unit);
        }
    }

    /** Publishes the figures of every open day that changed; days before {@code firstOpenDay} are closing. */
    private void publishChanged(ColdChainUnit unit, int firstOpenDay, long timestampMs) {
        for (ColdChainUnitDay unitDay : unit.getDays()) {
            ColdChainDayFigures figures = ColdChainFigures.compute(unit, unitDay, unitDay.getDay() < firstOpenDay);
            if (!figures.equals(unitDay.getEmitted())) {
                unitDay.setEmitted(figures);
                EnterpriseFact fact = new EnterpriseFact(timestampMs, false, figures);
                context.forward(new Record<>(unit.getEnterpriseId(), ColdChainResult.ofFigures(unit.getEnterpriseId(), fact),
                        timestampMs));
            }
        }
    }

    private static ColdChainUnitDay unitDay(ColdChainUnit unit, int day) {
        List<ColdChainUnitDay> unitDays = unit.getDays();
        int index = 0;
        while (index < unitDays.size() && unitDays.get(index).getDay() < day) {
            index++;
        }
        if (index < unitDays.size() && unitDays.get(index).getDay() == day) {
            return unitDays.get(index);
        }
        ColdChainUnitDay created = new ColdChainUnitDay(day, new ArrayList<>(), new ArrayList<>(), null);
        unitDays.add(index, created);
        return created;
    }
}

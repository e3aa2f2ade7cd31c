package org.pharmamaturity.streams.kpi;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Record;
import org.pharmamaturity.evaluation.kpi.ExcursionEpisode;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.streams.alerts.Alerts;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.ColdChainSampleEntry;
import org.pharmamaturity.streams.state.avro.ColdChainUnit;
import org.pharmamaturity.streams.state.avro.ColdChainUnitDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * Cold chain per shipment or storage unit and UTC day as a pure function over the unit's record: keeps the readings
 * of the open days, publishes the day's figures ({@link ColdChainFigures}) whenever they change, and an alert for
 * each new excursion episode. A closed day's figures stay in the unit's record for queries (the last
 * {@value #CLOSED_DAYS_KEPT}), and a unit silent for longer than that is forgotten.
 */
public final class ColdChainDays implements DayStateFunction<ColdChainReading, ColdChainUnit, ColdChainResult> {

    /** Closed days whose figures a unit keeps for queries. */
    public static final int CLOSED_DAYS_KEPT = 31;

    @Override
    public long eventTimeMs(ColdChainReading reading) {
        return reading.getEventTime().toEpochMilli();
    }

    @Override
    public Step<ColdChainUnit, ColdChainResult> apply(String unitId, ColdChainUnit stored, ColdChainReading reading,
            DayTime time) {
        long timeMs = eventTimeMs(reading);
        ColdChainUnit unit = stored != null ? stored : new ColdChainUnit(unitId, reading.getEnterpriseId(),
                reading.getContext().name(), timeMs, timeMs, new ArrayList<>(), new ArrayList<>());
        unit.setFirstMs(Math.min(unit.getFirstMs(), timeMs));
        unit.setLatestMs(Math.max(unit.getLatestMs(), timeMs));
        ColdChainUnitDay unitDay = unitDay(unit, UtcDays.dayOf(timeMs));
        unitDay.getSamples().add(new ColdChainSampleEntry(timeMs, reading.getTemperatureC(), reading.getLabelMinC(),
                reading.getLabelMaxC()));
        List<Record<String, ColdChainResult>> published = new ArrayList<>(newEpisodeAlerts(unit, unitDay, reading));
        // No day is closing here: closings are the business of close(), which follows.
        published.addAll(changed(unit, Integer.MIN_VALUE, time.timestampMs()));
        return new Step<>(unit, published);
    }

    @Override
    public boolean closes(ColdChainUnit unit, int firstOpenDay) {
        boolean forgotten = unit.getDays().isEmpty()
                && UtcDays.dayOf(unit.getLatestMs()) < firstOpenDay - CLOSED_DAYS_KEPT;
        return forgotten || unit.getDays().stream().anyMatch(d -> d.getDay() < firstOpenDay);
    }

    @Override
    public Step<ColdChainUnit, ColdChainResult> close(ColdChainUnit unit, DayTime time) {
        if (unit.getDays().isEmpty()) {
            return new Step<>(null, List.of());
        }
        List<Record<String, ColdChainResult>> published = changed(unit, time.firstOpenDay(), time.timestampMs());
        List<ColdChainDayFigures> closed = new ArrayList<>(unit.getClosedDays());
        List<ColdChainUnitDay> open = new ArrayList<>();
        for (ColdChainUnitDay unitDay : unit.getDays()) {
            if (unitDay.getDay() < time.firstOpenDay()) {
                closed.add(unitDay.getEmitted());
            } else {
                open.add(unitDay);
            }
        }
        unit.setDays(open);
        unit.setClosedDays(new ArrayList<>(closed.subList(Math.max(0, closed.size() - CLOSED_DAYS_KEPT), closed.size())));
        return new Step<>(unit, published);
    }

    private static List<Record<String, ColdChainResult>> newEpisodeAlerts(ColdChainUnit unit, ColdChainUnitDay unitDay,
            ColdChainReading reading) {
        List<Record<String, ColdChainResult>> alerts = new ArrayList<>();
        for (ExcursionEpisode episode : ColdChainFigures.episodes(unitDay)) {
            boolean alerted = unitDay.getAlertedEpisodeStarts().stream()
                    .anyMatch(start -> start >= episode.startMs() && start <= episode.endMs());
            if (!alerted) {
                unitDay.getAlertedEpisodeStarts().add(episode.startMs());
                alerts.add(new Record<>(unit.getEnterpriseId(), ColdChainResult.ofAlert(Alerts.excursion(
                        unit.getEnterpriseId(), reading.getSiteId(), unit.getUnitId(), unit.getContext(), episode,
                        reading.getLabelMinC(), reading.getLabelMaxC())), episode.startMs()));
            }
        }
        return alerts;
    }

    /** The figures of every open day that changed; days before {@code firstOpenDay} are closing. */
    private static List<Record<String, ColdChainResult>> changed(ColdChainUnit unit, int firstOpenDay,
            long timestampMs) {
        List<Record<String, ColdChainResult>> published = new ArrayList<>();
        for (ColdChainUnitDay unitDay : unit.getDays()) {
            ColdChainDayFigures figures = ColdChainFigures.compute(unit, unitDay, unitDay.getDay() < firstOpenDay);
            if (!figures.equals(unitDay.getEmitted())) {
                unitDay.setEmitted(figures);
                EnterpriseFact fact = new EnterpriseFact(timestampMs, false, figures);
                published.add(new Record<>(unit.getEnterpriseId(),
                        ColdChainResult.ofFigures(unit.getEnterpriseId(), fact), timestampMs));
            }
        }
        return published;
    }

    private static ColdChainUnitDay unitDay(ColdChainUnit unit, int day) {
        return UtcDays.entryOf(unit.getDays(), day, ColdChainUnitDay::getDay,
                d -> new ColdChainUnitDay(d, new ArrayList<>(), new ArrayList<>(), null));
    }
}

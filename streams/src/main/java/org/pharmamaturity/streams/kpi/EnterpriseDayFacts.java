package org.pharmamaturity.streams.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.pharmamaturity.evaluation.kpi.EnergyMeteringCoverage;
import org.pharmamaturity.evaluation.kpi.StandardCoalEquivalent;
import org.pharmamaturity.streams.state.avro.BatchFact;
import org.pharmamaturity.streams.state.avro.BatchTrack;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.EnergyFact;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.EquipmentDayFact;
import org.pharmamaturity.streams.state.avro.QualityFact;
import org.pharmamaturity.streams.state.avro.ReleasedBatch;
import org.pharmamaturity.streams.state.avro.TelemetryFact;

/**
 * How one fact changes an enterprise's days and batches, as a pure function over what it reads (no store): an
 * equipment's OEE figures and a unit's cold-chain figures replace that equipment's or unit's previous figures for
 * their day (their upstream processors applied the grace already); a telemetry fact marks the equipment as
 * reporting; an energy reading adds its kgce and marks its 15-minute slot; a deviation counts on the day it was opened; a
 * batch counts on the day it was released, as right first time unless a deviation naming it arrived before its day
 * closed. A fact straight from an input event whose day closed is late: it changes no day, but a batch's deviation
 * mark is kept whatever the day.
 */
public final class EnterpriseDayFacts {

    private static final String RELEASED = "RELEASED";
    private static final String DEVIATION = "DEVIATION";

    private final String enterpriseId;
    private final int firstOpenDay;
    private final IntFunction<EnterpriseDay> storedDay;
    private final Function<String, BatchTrack> storedBatch;
    // A HashMap, as before the extraction: the days a fact touched are published in its order.
    private final Map<Integer, EnterpriseDay> days = new HashMap<>();
    private final Map<String, BatchTrack> batches = new HashMap<>();

    private EnterpriseDayFacts(String enterpriseId, int firstOpenDay, IntFunction<EnterpriseDay> storedDay,
            Function<String, BatchTrack> storedBatch) {
        this.enterpriseId = enterpriseId;
        this.firstOpenDay = firstOpenDay;
        this.storedDay = storedDay;
        this.storedBatch = storedBatch;
    }

    /**
     * What a fact changed: the days it touched (each with its latest fact time moved on) and the batches, to be
     * written back; {@code inTime} false when it came too late for its day.
     */
    public record Applied(Map<Integer, EnterpriseDay> days, Map<String, BatchTrack> batches, boolean inTime) {
    }

    /**
     * Applies {@code fact} of the enterprise to its days and batches, reading the stored ones with
     * {@code storedDay} and {@code storedBatch} (null when there is none); days before {@code firstOpenDay} are closed.
     */
    public static Applied apply(String enterpriseId, EnterpriseFact fact, int firstOpenDay,
            IntFunction<EnterpriseDay> storedDay, Function<String, BatchTrack> storedBatch) {
        EnterpriseDayFacts applying = new EnterpriseDayFacts(enterpriseId, firstOpenDay, storedDay, storedBatch);
        boolean inTime = applying.apply(fact);
        applying.days.values().forEach(day -> day.setLatestMs(Math.max(day.getLatestMs(), fact.getTimeMs())));
        return new Applied(applying.days, applying.batches, inTime);
    }

    private boolean apply(EnterpriseFact fact) {
        return switch (fact.getFact()) {
            case EquipmentDayFact equipment -> {
                EnterpriseDay day = day(equipment.getDay());
                day.getEquipment().put(equipment.getEquipmentId(), equipment.getFigures());
                day.getEquipmentFlags().put(equipment.getEquipmentId(), new ArrayList<>(equipment.getFlags()));
                yield true;
            }
            case ColdChainDayFigures unit -> {
                day(unit.getDay()).getColdChain().put(unit.getUnitId(), unit);
                yield true;
            }
            case BatchFact batch -> applyBatch(fact.getTimeMs(), batch);
            case QualityFact quality -> applyQuality(quality);
            case TelemetryFact telemetry -> applyRaw(fact.getTimeMs(),
                    day -> day.getLastReadingMs().merge(telemetry.getEquipmentId(), fact.getTimeMs(), Math::max));
            case EnergyFact energy -> applyRaw(fact.getTimeMs(), day -> applyEnergy(day, fact.getTimeMs(), energy));
            default -> throw new IllegalArgumentException("not an enterprise fact: " + fact.getFact());
        };
    }

    /** A reading of the day of {@code timeMs}: late when that day closed. */
    private boolean applyRaw(long timeMs, Consumer<EnterpriseDay> change) {
        int factDay = UtcDays.dayOf(timeMs);
        if (!isOpen(factDay)) {
            return false;
        }
        EnterpriseDay day = day(factDay);
        day.setEarliestRawMs(Math.min(day.getEarliestRawMs(), timeMs));
        change.accept(day);
        return true;
    }

    private static void applyEnergy(EnterpriseDay day, long timeMs, EnergyFact energy) {
        try {
            double kgce = StandardCoalEquivalent.toKgce(energy.getCarrier(), energy.getQuantity(), energy.getUnit());
            day.setEnergyKgce(day.getEnergyKgce() + kgce);
        } catch (IllegalArgumentException e) {
            String pair = energy.getCarrier() + "/" + energy.getUnit();
            if (!day.getUnconvertibleEnergy().contains(pair)) {
                day.getUnconvertibleEnergy().add(pair);
            }
        }
        // Pre-aggregated: the metering coverage asks only which 15-minute slots of the day had a reading, so a
        // meter keeps one slot start per slot (at most 96 a day), however often it reads.
        long slotStartMs = timeMs - Math.floorMod(timeMs, EnergyMeteringCoverage.INTERVAL_MS);
        List<Long> slots = day.getMeterReadings().computeIfAbsent(energy.getMeterId(), meter -> new ArrayList<>());
        if (!slots.contains(slotStartMs)) {
            slots.add(slotStartMs);
        }
    }

    private boolean applyBatch(long timeMs, BatchFact batch) {
        BatchTrack track = batch(batch.getBatchId(), timeMs);
        track.setLatestMs(Math.max(track.getLatestMs(), timeMs));
        if (batch.getElectronicRecordShare() != null) {
            track.setElectronicRecordShare(batch.getElectronicRecordShare());
        }
        boolean inTime = true;
        int factDay = UtcDays.dayOf(timeMs);
        if (RELEASED.equals(batch.getStatus()) && track.getReleasedDay() == null) {
            track.setReleasedDay(factDay);
            inTime = isOpen(factDay);
        }
        if (track.getReleasedDay() != null && isOpen(track.getReleasedDay())) {
            EnterpriseDay day = day(track.getReleasedDay());
            day.getReleasedBatches().put(batch.getBatchId(), new ReleasedBatch(track.getDeviationRaised(),
                    track.getElectronicRecordShare()));
            if (track.getReleasedDay() == factDay) {
                day.setEarliestRawMs(Math.min(day.getEarliestRawMs(), timeMs));
            }
        }
        return inTime;
    }

    private boolean applyQuality(QualityFact quality) {
        if (!DEVIATION.equals(quality.getType())) {
            return true;
        }
        int openedDay = UtcDays.dayOf(quality.getOpenedAtMs());
        boolean inTime = isOpen(openedDay);
        if (inTime) {
            EnterpriseDay day = day(openedDay);
            day.getDeviations().put(quality.getQualityEventId(), quality.getSeverity());
            day.setEarliestRawMs(Math.min(day.getEarliestRawMs(), quality.getOpenedAtMs()));
        }
        if (quality.getBatchId() != null) {
            BatchTrack track = batch(quality.getBatchId(), quality.getOpenedAtMs());
            track.setDeviationRaised(true);
            if (track.getReleasedDay() != null && isOpen(track.getReleasedDay())) {
                ReleasedBatch released = day(track.getReleasedDay()).getReleasedBatches().get(quality.getBatchId());
                if (released != null) {
                    released.setDeviationRaised(true);
                }
            }
        }
        return inTime;
    }

    private boolean isOpen(int day) {
        return day >= firstOpenDay;
    }

    /** The batch's track, loaded once (a new one first seen at {@code firstSeenMs}); written back by the caller. */
    private BatchTrack batch(String batchId, long firstSeenMs) {
        return batches.computeIfAbsent(batchId, id -> {
            BatchTrack stored = storedBatch.apply(id);
            return stored != null ? stored : new BatchTrack(id, null, false, null, firstSeenMs);
        });
    }

    /** The day's record, loaded once (an empty one when none is stored); written back by the caller. */
    private EnterpriseDay day(int day) {
        return days.computeIfAbsent(day, d -> {
            EnterpriseDay stored = storedDay.apply(d);
            return stored != null ? stored : EnterpriseDay.newBuilder()
                    .setEnterpriseId(enterpriseId).setDay(d).setLatestMs(Long.MIN_VALUE)
                    .setEarliestRawMs(Long.MAX_VALUE).setEquipment(new HashMap<>())
                    .setEquipmentFlags(new HashMap<>()).setLastReadingMs(new HashMap<>())
                    .setReleasedBatches(new HashMap<>()).setDeviations(new HashMap<>()).setEnergyKgce(0)
                    .setMeterReadings(new HashMap<>()).setUnconvertibleEnergy(new ArrayList<>())
                    .setColdChain(new HashMap<>()).build();
        });
    }
}

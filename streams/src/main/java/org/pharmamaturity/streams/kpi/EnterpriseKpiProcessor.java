package org.pharmamaturity.streams.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.evaluation.kpi.NetworkingRate;
import org.pharmamaturity.evaluation.kpi.StandardCoalEquivalent;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.KpiValue;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.reference.ReferenceData;
import org.pharmamaturity.streams.state.PendingPublications;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.BatchFact;
import org.pharmamaturity.streams.state.avro.BatchTrack;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.EnergyFact;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.EquipmentDayFact;
import org.pharmamaturity.streams.state.avro.PendingKpis;
import org.pharmamaturity.streams.state.avro.QualityFact;
import org.pharmamaturity.streams.state.avro.ReleasedBatch;
import org.pharmamaturity.streams.state.avro.TelemetryFact;

/**
 * Per enterprise (facts keyed by enterpriseId): keeps one EnterpriseDay per UTC day of the last
 * {@value #ROLLING_DAYS} days, publishes a day's KPIs to kpi.enterprise.daily when they changed, and the
 * rolling {@value #ROLLING_DAYS}-day KPIs for the maturity scoring when those changed.
 *
 * <p>When it publishes: every fact is applied to the stored days at once, but the enterprise is only marked as
 * due ({@code kpi-enterprise-pending}); a wall-clock punctuator publishes the due enterprises every
 * {@code publishInterval}. The KPIs of a busy enterprise are computed, published and re-scored once per interval
 * instead of once per reading (the window of 30 days is re-tallied each time, so this is where the time went). A
 * zero interval publishes on every fact.
 *
 * <p>What goes where: an equipment's OEE figures and a unit's cold-chain figures replace that equipment's or
 * unit's previous figures for their day (they come from upstream processors that applied the grace already); a
 * telemetry fact marks the equipment as reporting; an energy reading adds its kgce and its 15-minute slot; a
 * deviation counts on the day it was opened; a batch counts on the day it was released, as right first time
 * unless a deviation naming it arrived before its day closed. Days close as the equipment days do
 * ({@link DayWindows}: event time past the day's end plus the grace, then the close margin in wall-clock time, since
 * the facts come through six repartition topics whose upstream tasks commit at different moments). Facts straight
 * from input events whose day closed are counted as late and dropped (a fact no longer holds its input record, so
 * unlike the equipment and cold-chain stages this one cannot dead-letter it); a batch's deviation mark is kept
 * whatever the day.
 *
 * <p>The networking rate of a day (and the key-equipment rates, {@link RegistryIndicators}) counts the registered
 * equipment (the enterprise's equipment in ref.equipment
 * now) with a reading that day; the rolling one, those with a reading in the 24 h up to the enterprise's latest
 * event (evaluation NetworkingRate). Its coverage is the share of that window the pipeline has watched the
 * enterprise (from its earliest input event kept), so a newly connected enterprise is not judged on a window it
 * could not yet fill.
 */
public final class EnterpriseKpiProcessor implements Processor<String, EnterpriseFact, String, EnterpriseKpiResult> {

    /** Label of the late-record counter. */
    public static final String STAGE = "kpi-enterprise";
    /** Days in the rolling values the evidence rules use. */
    public static final int ROLLING_DAYS = 30;
    /** Days a batch is remembered after its latest event (for deviations raised before release). */
    public static final int BATCH_RETENTION_DAYS = 60;

    private static final String RELEASED = "RELEASED";
    private static final String DEVIATION = "DEVIATION";

    private final Duration grace;
    private final Duration closeMargin;
    private final Duration publishInterval;
    private final PipelineMeters meters;
    private ProcessorContext<String, EnterpriseKpiResult> context;
    private KeyValueStore<String, EnterpriseDay> dayStore;
    private KeyValueStore<String, BatchTrack> batches;
    private KeyValueStore<String, EnterpriseKpi> daily;
    private KeyValueStore<String, EnterpriseKpi> rolling;
    private ReferenceData reference;
    private DayWindows days;
    private KeyValueStore<String, PendingKpis> pending;
    private int prunedBefore = Integer.MIN_VALUE;

    /**
     * @param publishInterval how often the enterprises whose facts changed are published (wall-clock time);
     *        zero publishes on every fact and uses no pending store
     */
    public EnterpriseKpiProcessor(Duration grace, Duration closeMargin, Duration publishInterval, PipelineMeters meters) {
        this.grace = grace;
        this.closeMargin = closeMargin;
        this.publishInterval = publishInterval;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, EnterpriseKpiResult> context) {
        this.context = context;
        this.dayStore = context.getStateStore(StoreNames.KPI_ENTERPRISE_DAYS);
        this.batches = context.getStateStore(StoreNames.KPI_ENTERPRISE_BATCHES);
        this.daily = context.getStateStore(StoreNames.KPI_ENTERPRISE_DAILY);
        this.rolling = context.getStateStore(StoreNames.KPI_ENTERPRISE_ROLLING);
        this.reference = ReferenceData.from(context);
        // No punctuator for the margin: closing a day changes nothing stored here, it only refuses later facts.
        this.days = DayWindows.resume(context.getStateStore(StoreNames.KPI_ENTERPRISE_EVENT_TIME), grace, closeMargin);
        if (!publishInterval.isZero()) {
            this.pending = context.getStateStore(StoreNames.KPI_ENTERPRISE_PENDING);
            context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> PendingPublications.publishAll(
                    pending, (enterpriseId, due) -> publish(enterpriseId, stored(enterpriseId, due.getDays()),
                            due.getLatestFactMs(), due.getTimestampMs())));
        }
    }

    @Override
    public void process(Record<String, EnterpriseFact> record) {
        String enterpriseId = record.key();
        EnterpriseFact fact = record.value();
        Days touched = new Days(enterpriseId);
        // Every fact's record timestamp is an event time (validation and the KPI processors stamp it so).
        long nowMs = days.observe(record.timestamp(), context.currentSystemTimeMs());
        if (!apply(enterpriseId, fact, touched)) {
            meters.lateRecord(STAGE);
        }
        pruneBatches(nowMs);
        if (touched.loaded.isEmpty()) {
            return;
        }
        touched.loaded.forEach((day, enterpriseDay) -> {
            enterpriseDay.setLatestMs(Math.max(enterpriseDay.getLatestMs(), fact.getTimeMs()));
            dayStore.put(dayKey(enterpriseId, day), enterpriseDay);
        });
        if (pending == null) {
            publish(enterpriseId, touched.loaded.values(), fact.getTimeMs(), record.timestamp());
            return;
        }
        PendingKpis due = pending.get(enterpriseId);
        if (due == null) {
            due = new PendingKpis(new ArrayList<>(), fact.getTimeMs(), record.timestamp());
        }
        for (int day : touched.loaded.keySet()) {
            if (!due.getDays().contains(day)) {
                due.getDays().add(day);
            }
        }
        due.setLatestFactMs(Math.max(due.getLatestFactMs(), fact.getTimeMs()));
        due.setTimestampMs(Math.max(due.getTimestampMs(), record.timestamp()));
        pending.put(enterpriseId, due);
    }

    /** The stored EnterpriseDay records of {@code days} (a day pruned since it was marked is left out). */
    private List<EnterpriseDay> stored(String enterpriseId, List<Integer> days) {
        List<EnterpriseDay> stored = new ArrayList<>();
        for (int day : days) {
            EnterpriseDay enterpriseDay = dayStore.get(dayKey(enterpriseId, day));
            if (enterpriseDay != null) {
                stored.add(enterpriseDay);
            }
        }
        return stored;
    }

    /**
     * Publishes the daily KPIs of the changed {@code days} and the rolling KPIs of the enterprise, as of the later
     * of {@code latestFactMs} and the rolling KPIs' last asOf.
     */
    private void publish(String enterpriseId, Collection<EnterpriseDay> days, long latestFactMs, long timestampMs) {
        EnterpriseKpi previousRolling = rolling.get(enterpriseId);
        long latestMs = Math.max(latestFactMs, previousRolling == null ? Long.MIN_VALUE
                : previousRolling.getAsOf().toEpochMilli());
        int latestDay = UtcDays.dayOf(latestMs);
        List<EnterpriseDay> window = window(enterpriseId, latestDay);
        EnterpriseTallies total = EnterpriseTallies.NONE;
        for (EnterpriseDay enterpriseDay : window) {
            total = total.plus(EnterpriseTallies.of(enterpriseDay, latestMs + 1));
        }
        long firstSeenMs = total.earliestRawMs();
        List<Equipment> registered = reference.registeredEquipment(enterpriseId);
        for (EnterpriseDay enterpriseDay : days) {
            publishDaily(enterpriseId, enterpriseDay, latestMs, firstSeenMs, registered, timestampMs);
        }
        publishRolling(enterpriseId, total, latestDay, latestMs, firstSeenMs, registered, previousRolling,
                timestampMs);
        if (previousRolling != null && UtcDays.dayOf(previousRolling.getAsOf().toEpochMilli()) < latestDay) {
            pruneDays(enterpriseId, latestDay);
        }
    }

    /** Applies the fact to the days it concerns; false when it came too late for its day. */
    private boolean apply(String enterpriseId, EnterpriseFact fact, Days touched) {
        int factDay = UtcDays.dayOf(fact.getTimeMs());
        Object what = fact.getFact();
        if (what instanceof EquipmentDayFact equipment) {
            EnterpriseDay day = touched.get(equipment.getDay());
            day.getEquipment().put(equipment.getEquipmentId(), equipment.getFigures());
            day.getEquipmentFlags().put(equipment.getEquipmentId(), new ArrayList<>(equipment.getFlags()));
            return true;
        }
        if (what instanceof ColdChainDayFigures unit) {
            touched.get(unit.getDay()).getColdChain().put(unit.getUnitId(), unit);
            return true;
        }
        if (what instanceof BatchFact batch) {
            return applyBatch(enterpriseId, fact, batch, touched);
        }
        if (what instanceof QualityFact quality) {
            return applyQuality(enterpriseId, quality, touched);
        }
        if (!days.isOpen(factDay)) {
            return false;
        }
        EnterpriseDay day = touched.get(factDay);
        day.setEarliestRawMs(Math.min(day.getEarliestRawMs(), fact.getTimeMs()));
        if (what instanceof TelemetryFact telemetry) {
            day.getLastReadingMs().merge(telemetry.getEquipmentId(), fact.getTimeMs(), Math::max);
        } else if (what instanceof EnergyFact energy) {
            applyEnergy(day, fact.getTimeMs(), energy);
        }
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
        day.getMeterReadings().computeIfAbsent(energy.getMeterId(), meter -> new ArrayList<>()).add(timeMs);
    }

    private boolean applyBatch(String enterpriseId, EnterpriseFact fact, BatchFact batch, Days touched) {
        String key = StoreNames.enterpriseKey(enterpriseId, batch.getBatchId());
        BatchTrack track = batches.get(key);
        if (track == null) {
            track = new BatchTrack(batch.getBatchId(), null, false, null, fact.getTimeMs());
        }
        track.setLatestMs(Math.max(track.getLatestMs(), fact.getTimeMs()));
        if (batch.getElectronicRecordShare() != null) {
            track.setElectronicRecordShare(batch.getElectronicRecordShare());
        }
        boolean inTime = true;
        int factDay = UtcDays.dayOf(fact.getTimeMs());
        if (RELEASED.equals(batch.getStatus()) && track.getReleasedDay() == null) {
            track.setReleasedDay(factDay);
            inTime = days.isOpen(factDay);
        }
        if (track.getReleasedDay() != null && days.isOpen(track.getReleasedDay())) {
            EnterpriseDay day = touched.get(track.getReleasedDay());
            day.getReleasedBatches().put(batch.getBatchId(), new ReleasedBatch(track.getDeviationRaised(),
                    track.getElectronicRecordShare()));
            if (track.getReleasedDay() == factDay) {
                day.setEarliestRawMs(Math.min(day.getEarliestRawMs(), fact.getTimeMs()));
            }
        }
        batches.put(key, track);
        return inTime;
    }

    private boolean applyQuality(String enterpriseId, QualityFact quality, Days touched) {
        if (!DEVIATION.equals(quality.getType())) {
            return true;
        }
        boolean inTime = true;
        int openedDay = UtcDays.dayOf(quality.getOpenedAtMs());
        if (!days.isOpen(openedDay)) {
            inTime = false;
        } else {
            EnterpriseDay day = touched.get(openedDay);
            day.getDeviations().put(quality.getQualityEventId(), quality.getSeverity());
            day.setEarliestRawMs(Math.min(day.getEarliestRawMs(), quality.getOpenedAtMs()));
        }
        if (quality.getBatchId() != null) {
            String key = StoreNames.enterpriseKey(enterpriseId, quality.getBatchId());
            BatchTrack track = batches.get(key);
            if (track == null) {
                track = new BatchTrack(quality.getBatchId(), null, false, null, quality.getOpenedAtMs());
            }
            track.setDeviationRaised(true);
            if (track.getReleasedDay() != null && days.isOpen(track.getReleasedDay())) {
                ReleasedBatch released = touched.get(track.getReleasedDay()).getReleasedBatches().get(quality.getBatchId());
                if (released != null) {
                    released.setDeviationRaised(true);
                }
            }
            batches.put(key, track);
        }
        return inTime;
    }

    private void publishDaily(String enterpriseId, EnterpriseDay day, long latestMs, long firstSeenMs,
            List<Equipment> registered, long timestampMs) {
        long dayStart = UtcDays.startOf(day.getDay());
        long dayEnd = UtcDays.endOf(day.getDay());
        EnterpriseTallies tallies = EnterpriseTallies.of(day, latestMs + 1);
        Map<String, KpiValue> values = tallies.values(KpiValues.DAY);
        double watched = Math.min(dayEnd, latestMs) - Math.max(dayStart, firstSeenMs);
        RegistryIndicators.put(values, registered, day.getLastReadingMs(), dayEnd - 1, share(watched, UtcDays.DAY_MS),
                KpiValues.DAY, KpiValues.DAY);
        EnterpriseKpi kpi = kpi(enterpriseId, day.getDay(), day.getLatestMs(), values, tallies);
        String key = Topic.dailyKey(enterpriseId, UtcDays.date(day.getDay()));
        if (!sameFigures(kpi, daily.get(key))) {
            daily.put(key, kpi);
            context.forward(new Record<>(key, new EnterpriseKpiResult(false, kpi), timestampMs));
        }
    }

    private void publishRolling(String enterpriseId, EnterpriseTallies total, int latestDay, long latestMs,
            long firstSeenMs, List<Equipment> registered, EnterpriseKpi previous, long timestampMs) {
        Map<String, KpiValue> values = total.values(KpiValues.ROLLING_30_DAYS);
        RegistryIndicators.put(values, registered, total.lastReadingMs(), latestMs,
                share(latestMs - (double) firstSeenMs, NetworkingRate.LOOKBACK_MS), KpiValues.LAST_24_HOURS,
                KpiValues.ROLLING_30_DAYS);
        EnterpriseKpi kpi = kpi(enterpriseId, latestDay, latestMs, values, total);
        rolling.put(enterpriseId, kpi);
        if (!sameFigures(kpi, previous)) {
            context.forward(new Record<>(enterpriseId, new EnterpriseKpiResult(true, kpi), timestampMs));
        }
    }

    private EnterpriseKpi kpi(String enterpriseId, int day, long asOfMs, Map<String, KpiValue> values,
            EnterpriseTallies tallies) {
        return EnterpriseKpi.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .setEnterpriseId(enterpriseId)
                .setDay(UtcDays.date(day))
                .setAsOf(Instant.ofEpochMilli(asOfMs))
                .setValues(new TreeMap<>(values))
                .setComponents(tallies.hasEquipment() ? OeeFigureRecords.toComponents(tallies.oee()) : null)
                .setFlags(new ArrayList<>(tallies.flags()))
                .build();
    }

    /** The days of the rolling window ending with {@code latestDay}, oldest first. */
    private List<EnterpriseDay> window(String enterpriseId, int latestDay) {
        List<EnterpriseDay> window = new ArrayList<>();
        try (KeyValueIterator<String, EnterpriseDay> range = dayStore.range(
                dayKey(enterpriseId, latestDay - ROLLING_DAYS + 1), dayKey(enterpriseId, latestDay))) {
            range.forEachRemaining(entry -> window.add(entry.value));
        }
        return window;
    }

    private void pruneDays(String enterpriseId, int latestDay) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, EnterpriseDay> range = dayStore.range(dayKey(enterpriseId, 0),
                dayKey(enterpriseId, latestDay - ROLLING_DAYS))) {
            range.forEachRemaining(entry -> expired.add(entry.key));
        }
        expired.forEach(dayStore::delete);
    }

    /** Forgets the batches silent for {@value #BATCH_RETENTION_DAYS} days; cheap until a new day begins. */
    private void pruneBatches(long nowMs) {
        int before = UtcDays.dayOf(nowMs) - BATCH_RETENTION_DAYS;
        if (before <= prunedBefore) {
            return;
        }
        prunedBefore = before;
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, BatchTrack> all = batches.all()) {
            all.forEachRemaining(entry -> {
                if (UtcDays.dayOf(entry.value.getLatestMs()) < before) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(batches::delete);
    }

    /** True when both records carry the same values, components and flags (whatever their ids and times). */
    static boolean sameFigures(EnterpriseKpi a, EnterpriseKpi b) {
        return b != null && a.getValues().equals(b.getValues()) && Objects.equals(a.getComponents(),
                b.getComponents()) && a.getFlags().equals(b.getFlags()) && a.getDay().equals(b.getDay());
    }

    private static double share(double part, double whole) {
        return Math.max(0, Math.min(1, part / whole));
    }

    /** {@code enterpriseId@yyyy-MM-dd}: the key of the day stores, in day order within an enterprise. */
    static String dayKey(String enterpriseId, int day) {
        return Topic.dailyKey(enterpriseId, UtcDays.date(day));
    }

    /** The EnterpriseDay records one fact touches, loaded once and written back together. */
    private final class Days {

        private final String enterpriseId;
        private final Map<Integer, EnterpriseDay> loaded = new HashMap<>();

        Days(String enterpriseId) {
            this.enterpriseId = enterpriseId;
        }

        EnterpriseDay get(int day) {
            return loaded.computeIfAbsent(day, d -> {
                EnterpriseDay stored = dayStore.get(dayKey(enterpriseId, d));
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
}

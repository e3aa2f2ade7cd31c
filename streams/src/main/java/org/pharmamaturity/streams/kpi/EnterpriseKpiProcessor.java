package org.pharmamaturity.streams.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.reference.ReferenceData;
import org.pharmamaturity.streams.state.PendingPublications;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.BatchTrack;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.PendingKpis;
import org.pharmamaturity.streams.state.avro.RollingTallies;

/**
 * Per enterprise (facts keyed by enterpriseId): keeps one EnterpriseDay per UTC day of the last
 * {@value #ROLLING_DAYS} days, publishes a day's KPIs to kpi.enterprise.daily when they changed, and the
 * rolling {@value #ROLLING_DAYS}-day KPIs for the maturity scoring when those changed.
 *
 * <p>When it publishes: every fact is applied to the stored days at once, but the enterprise is only marked as
 * due ({@code kpi-enterprise-pending}); a wall-clock punctuator publishes the due enterprises every
 * {@code publishInterval}. The KPIs of a busy enterprise are computed, published and re-scored once per interval
 * instead of once per reading. A zero interval publishes on every fact. The rolling values are running sums
 * ({@link RollingWindow}, store {@code kpi-enterprise-window}).
 *
 * <p>This class only reads and writes the stores and forwards: what goes where is {@link EnterpriseDayFacts}, a
 * pure function over the stored days and batches, and what is published is {@link EnterpriseKpiFigures}, a pure
 * function over the changed days, the running sums and the KPIs published before. Days close as the equipment
 * days do ({@link DayWindows}: event time past the day's end plus the grace, then the close margin in wall-clock
 * time, since the facts come through six repartition topics whose upstream tasks commit at different moments).
 * Facts straight from input events whose day closed are counted as late and dropped (a fact no longer holds its
 * input record, so unlike the equipment and cold-chain stages this one cannot dead-letter it).
 *
 * <p>It does not extend {@link DayWindowProcessor}: its state is spread over several stores (days, batches, the
 * published KPIs, the running sums, what is due), it closes nothing when a day closes, and it dead-letters nothing.
 */
public final class EnterpriseKpiProcessor implements Processor<String, EnterpriseFact, String, EnterpriseKpiResult> {

    /** Label of the late-record counter. */
    public static final String STAGE = "kpi-enterprise";
    /** Days in the rolling values the evidence rules use. */
    public static final int ROLLING_DAYS = 30;
    /** Days a batch is remembered after its latest event (for deviations raised before release). */
    public static final int BATCH_RETENTION_DAYS = 60;

    private final Duration grace;
    private final Duration closeMargin;
    private final Duration publishInterval;
    private final PipelineMeters meters;
    private ProcessorContext<String, EnterpriseKpiResult> context;
    private KeyValueStore<String, EnterpriseDay> dayStore;
    private KeyValueStore<String, BatchTrack> batches;
    private KeyValueStore<String, EnterpriseKpi> daily;
    private KeyValueStore<String, EnterpriseKpi> rolling;
    private KeyValueStore<String, RollingTallies> windows;
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
        this.windows = context.getStateStore(StoreNames.KPI_ENTERPRISE_WINDOW);
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
        // Every fact's record timestamp is an event time (validation and the KPI processors stamp it so).
        long nowMs = days.observe(record.timestamp(), context.currentSystemTimeMs());
        EnterpriseDayFacts.Applied applied = EnterpriseDayFacts.apply(enterpriseId, fact, days.firstOpenDay(),
                day -> dayStore.get(dayKey(enterpriseId, day)),
                batchId -> batches.get(StoreNames.enterpriseKey(enterpriseId, batchId)));
        if (!applied.inTime()) {
            meters.lateRecord(STAGE);
        }
        applied.batches().forEach((batchId, track) -> batches.put(StoreNames.enterpriseKey(enterpriseId, batchId),
                track));
        pruneBatches(nowMs);
        if (applied.days().isEmpty()) {
            return;
        }
        applied.days().forEach((day, enterpriseDay) -> dayStore.put(dayKey(enterpriseId, day), enterpriseDay));
        if (pending == null) {
            publish(enterpriseId, applied.days().values(), fact.getTimeMs(), record.timestamp());
            return;
        }
        pending.put(enterpriseId, EnterpriseKpiFigures.due(pending.get(enterpriseId), applied.days().keySet(),
                fact.getTimeMs(), record.timestamp()));
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
     * Publishes the changed {@code days} of the enterprise ({@link EnterpriseKpiFigures}) and stores what the
     * publication changed; the published records are stamped {@code timestampMs}.
     */
    private void publish(String enterpriseId, Collection<EnterpriseDay> days, long latestFactMs, long timestampMs) {
        EnterpriseKpiFigures.Publication publication = EnterpriseKpiFigures.publish(enterpriseId, days, latestFactMs,
                new EnterpriseKpiFigures.Stored(rolling.get(enterpriseId), windows.get(enterpriseId),
                        day -> dayStore.get(dayKey(enterpriseId, day)),
                        latestDay -> storedWindow(enterpriseId, latestDay), day -> daily.get(dayKey(enterpriseId, day))),
                reference.registeredEquipment(enterpriseId), context.currentSystemTimeMs());
        windows.put(enterpriseId, publication.window());
        for (EnterpriseKpi kpi : publication.daily()) {
            String key = Topic.dailyKey(enterpriseId, kpi.getDay());
            daily.put(key, kpi);
            context.forward(new Record<>(key, new EnterpriseKpiResult(false, kpi), timestampMs));
        }
        rolling.put(enterpriseId, publication.rolling());
        if (publication.rollingChanged()) {
            context.forward(new Record<>(enterpriseId, new EnterpriseKpiResult(true, publication.rolling()), timestampMs));
        }
        publication.expiredThrough().ifPresent(lastExpired -> pruneDays(enterpriseId, lastExpired));
    }

    /** The stored days of the rolling window ending with {@code latestDay}, oldest first. */
    private List<EnterpriseDay> storedWindow(String enterpriseId, int latestDay) {
        List<EnterpriseDay> window = new ArrayList<>();
        try (KeyValueIterator<String, EnterpriseDay> range = dayStore.range(
                dayKey(enterpriseId, latestDay - ROLLING_DAYS + 1), dayKey(enterpriseId, latestDay))) {
            range.forEachRemaining(entry -> window.add(entry.value));
        }
        return window;
    }

    /** Deletes the stored days up to {@code lastExpired}, which left the rolling window. */
    private void pruneDays(String enterpriseId, int lastExpired) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, EnterpriseDay> range = dayStore.range(dayKey(enterpriseId, 0),
                dayKey(enterpriseId, lastExpired))) {
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

    /** {@code enterpriseId@yyyy-MM-dd}: the key of the day stores, in day order within an enterprise. */
    static String dayKey(String enterpriseId, int day) {
        return Topic.dailyKey(enterpriseId, UtcDays.date(day));
    }
}

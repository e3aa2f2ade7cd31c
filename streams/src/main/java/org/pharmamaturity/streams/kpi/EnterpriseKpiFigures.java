package org.pharmamaturity.streams.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;

import org.pharmamaturity.evaluation.kpi.NetworkingRate;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.KpiValue;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.PendingKpis;
import org.pharmamaturity.streams.state.avro.RollingTallies;

/**
 * What an enterprise publishes when some of its days changed, as a pure function over what it reads (no store, no
 * context): the daily KPIs of the changed days whose figures changed, and the rolling
 * {@value EnterpriseKpiProcessor#ROLLING_DAYS}-day KPIs, as of the later of the latest fact and the rolling KPIs'
 * last asOf. The rolling values are running sums ({@link RollingWindow}): a publication adds the days that changed
 * and takes out the days that left the window, without reading the window again.
 *
 * <p>The networking rate of a day (and the key-equipment rates, {@link RegistryIndicators}) counts the registered
 * equipment (the enterprise's equipment in ref.equipment now) with a reading that day; the rolling one, those with
 * a reading in the 24 h up to the enterprise's latest event (evaluation NetworkingRate). Its coverage is the share
 * of that window the pipeline has watched the enterprise (from its earliest input event kept), so a newly connected
 * enterprise is not judged on a window it could not yet fill.
 */
public final class EnterpriseKpiFigures {

    private EnterpriseKpiFigures() {
    }

    /**
     * What the enterprise's stores hold before a publication, read only as needed.
     *
     * @param rolling the rolling KPIs last stored; null before the first publication
     * @param window the rolling window's running sums; null before they exist
     * @param day the stored day (null: none)
     * @param windowEndingWith the stored days of the window ending with a day, oldest first (read only without
     *        running sums)
     * @param daily the daily KPIs last published for a day (null: none)
     */
    public record Stored(EnterpriseKpi rolling, RollingTallies window, IntFunction<EnterpriseDay> day,
            IntFunction<List<EnterpriseDay>> windowEndingWith, IntFunction<EnterpriseKpi> daily) {
    }

    /**
     * What a publication stores and sends.
     *
     * @param window the rolling window's running sums, to store
     * @param daily the daily KPIs whose figures changed, in the order of the changed days: each to store for its
     *        day and to publish
     * @param rolling the rolling KPIs, to store whether they changed or not (their asOf is where the window ends)
     * @param rollingChanged true when the rolling figures changed: they are published
     * @param expiredThrough when the window moved to a later day, the last day that left it: the stored days up to
     *        it are no longer needed
     */
    public record Publication(RollingTallies window, List<EnterpriseKpi> daily, EnterpriseKpi rolling,
            boolean rollingChanged, OptionalInt expiredThrough) {
    }

    /**
     * Publishes the changed {@code days} of the enterprise, whose latest fact is at {@code latestFactMs}, over the
     * {@code registered} equipment; the records are stamped with the wall-clock time {@code wallMs} and a new
     * eventId.
     */
    public static Publication publish(String enterpriseId, Collection<EnterpriseDay> days, long latestFactMs,
            Stored stored, List<Equipment> registered, long wallMs) {
        EnterpriseKpi previousRolling = stored.rolling();
        long latestMs = Math.max(latestFactMs, previousRolling == null ? Long.MIN_VALUE
                : previousRolling.getAsOf().toEpochMilli());
        int latestDay = UtcDays.dayOf(latestMs);
        RollingWindow window = stored.window() == null ? RollingWindow.empty() : RollingWindow.of(stored.window());
        // Without running sums yet (a new enterprise, or a store written before they existed) the window is read once.
        window.update(latestMs, stored.window() == null ? stored.windowEndingWith().apply(latestDay) : days,
                stored.day());
        EnterpriseTallies total = window.tallies();
        long firstSeenMs = total.earliestRawMs();
        List<EnterpriseKpi> daily = new ArrayList<>();
        for (EnterpriseDay day : days) {
            EnterpriseKpi kpi = daily(enterpriseId, day, latestMs, firstSeenMs, registered, wallMs);
            if (!sameFigures(kpi, stored.daily().apply(day.getDay()))) {
                daily.add(kpi);
            }
        }
        EnterpriseKpi rolling = rolling(enterpriseId, total, latestDay, latestMs, firstSeenMs, registered, wallMs);
        boolean windowMoved = previousRolling != null
                && UtcDays.dayOf(previousRolling.getAsOf().toEpochMilli()) < latestDay;
        return new Publication(window.state(), daily, rolling, !sameFigures(rolling, previousRolling),
                windowMoved ? OptionalInt.of(latestDay - EnterpriseKpiProcessor.ROLLING_DAYS) : OptionalInt.empty());
    }

    /**
     * What the next publication of an enterprise covers once a fact at {@code factMs}, in a record stamped
     * {@code timestampMs}, changed {@code days}: those days too (each once), the latest fact time and the latest
     * timestamp. {@code due} null: nothing was due yet.
     */
    public static PendingKpis due(PendingKpis due, Collection<Integer> days, long factMs, long timestampMs) {
        PendingKpis next = due != null ? due : new PendingKpis(new ArrayList<>(), factMs, timestampMs);
        for (int day : days) {
            if (!next.getDays().contains(day)) {
                next.getDays().add(day);
            }
        }
        next.setLatestFactMs(Math.max(next.getLatestFactMs(), factMs));
        next.setTimestampMs(Math.max(next.getTimestampMs(), timestampMs));
        return next;
    }

    /** True when both records carry the same values, components and flags (whatever their ids and times). */
    static boolean sameFigures(EnterpriseKpi a, EnterpriseKpi b) {
        return b != null && a.getValues().equals(b.getValues()) && Objects.equals(a.getComponents(),
                b.getComponents()) && a.getFlags().equals(b.getFlags()) && a.getDay().equals(b.getDay());
    }

    private static EnterpriseKpi daily(String enterpriseId, EnterpriseDay day, long latestMs, long firstSeenMs,
            List<Equipment> registered, long wallMs) {
        long dayStart = UtcDays.startOf(day.getDay());
        long dayEnd = UtcDays.endOf(day.getDay());
        EnterpriseTallies tallies = EnterpriseTallies.of(day, latestMs + 1);
        Map<String, KpiValue> values = tallies.values(KpiValues.DAY);
        double watched = Math.min(dayEnd, latestMs) - Math.max(dayStart, firstSeenMs);
        RegistryIndicators.put(values, registered, day.getLastReadingMs(), dayEnd - 1, share(watched, UtcDays.DAY_MS),
                KpiValues.DAY, KpiValues.DAY);
        return kpi(enterpriseId, day.getDay(), day.getLatestMs(), values, tallies, wallMs);
    }

    private static EnterpriseKpi rolling(String enterpriseId, EnterpriseTallies total, int latestDay, long latestMs,
            long firstSeenMs, List<Equipment> registered, long wallMs) {
        Map<String, KpiValue> values = total.values(KpiValues.ROLLING_30_DAYS);
        RegistryIndicators.put(values, registered, total.lastReadingMs(), latestMs,
                share(latestMs - (double) firstSeenMs, NetworkingRate.LOOKBACK_MS), KpiValues.LAST_24_HOURS,
                KpiValues.ROLLING_30_DAYS);
        return kpi(enterpriseId, latestDay, latestMs, values, total, wallMs);
    }

    private static EnterpriseKpi kpi(String enterpriseId, int day, long asOfMs, Map<String, KpiValue> values,
            EnterpriseTallies tallies, long wallMs) {
        return EnterpriseKpi.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(wallMs))
                .setEnterpriseId(enterpriseId)
                .setDay(UtcDays.date(day))
                .setAsOf(Instant.ofEpochMilli(asOfMs))
                .setValues(new TreeMap<>(values))
                .setComponents(tallies.hasEquipment() ? OeeFigureRecords.toComponents(tallies.oee()) : null)
                .setFlags(new ArrayList<>(tallies.flags()))
                .build();
    }

    private static double share(double part, double whole) {
        return Math.max(0, Math.min(1, part / whole));
    }
}

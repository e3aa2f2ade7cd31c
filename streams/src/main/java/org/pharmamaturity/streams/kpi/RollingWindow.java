package org.pharmamaturity.streams.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.pharmamaturity.evaluation.kpi.NetworkingRate;
import org.pharmamaturity.streams.state.avro.DayTallies;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.RollingTallies;

/**
 * An enterprise's rolling {@value #DAYS}-day tallies as running sums, a pure function over {@link RollingTallies}:
 * a day that changed is taken out with what it contributed before and added with what it contributes now, and a
 * day that left the window is taken out; the window is never read again. It equals tallying every day of the
 * window afresh ({@link EnterpriseTallies#of} summed oldest first), up to the rounding of floating-point sums,
 * which is reset to the exact sum whenever the window moves (once a day).
 *
 * <p>A day's tallies depend on the window's end only through the energy metering of a day not yet over (its
 * meters are expected up to the latest event): such a day is re-read from the store when the end moves, at most
 * the one or two days around the latest event. The networking rate looks at the last 24 h only, so only the
 * readings of that span are kept.
 */
public final class RollingWindow {

    /** Days in the window. */
    public static final int DAYS = EnterpriseKpiProcessor.ROLLING_DAYS;

    private final RollingTallies state;

    private RollingWindow(RollingTallies state) {
        this.state = state;
    }

    /** A window with nothing in it yet. */
    public static RollingWindow empty() {
        return new RollingWindow(new RollingTallies(Long.MIN_VALUE, new HashMap<>(), DayTallyRecords.empty(0),
                new HashMap<>()));
    }

    /** The window kept in {@code state}. */
    public static RollingWindow of(RollingTallies state) {
        return new RollingWindow(state);
    }

    /** What to store. */
    public RollingTallies state() {
        return state;
    }

    /** The event time the window ends with; {@link Long#MIN_VALUE} before any. */
    public long latestMs() {
        return state.getLatestMs();
    }

    /**
     * Moves the window's end to {@code latestMs} (never back) and takes in the {@code changed} days; a day
     * accounted only in part before is re-read with {@code storedDay} (null: no longer stored) when its accounted
     * end moves.
     */
    public void update(long latestMs, Collection<EnterpriseDay> changed, IntFunction<EnterpriseDay> storedDay) {
        long endMs = Math.max(latestMs, state.getLatestMs());
        int oldLatestDay = UtcDays.dayOf(state.getLatestMs());
        int latestDay = UtcDays.dayOf(endMs);
        state.setLatestMs(endMs);
        Map<Integer, EnterpriseDay> fresh = new HashMap<>();
        changed.forEach(day -> fresh.put(day.getDay(), day));
        for (DayTallies contribution : List.copyOf(state.getDays().values())) {
            int day = contribution.getDay();
            if (!fresh.containsKey(day) && contribution.getAccountedEndMs() != accountedEndMs(day, endMs)) {
                fresh.put(day, storedDay.apply(day));
            }
        }
        fresh.forEach((day, enterpriseDay) -> contribute(day, enterpriseDay, latestDay));
        if (latestDay != oldLatestDay) {
            state.getDays().values().removeIf(contribution -> contribution.getDay() <= latestDay - DAYS);
            resum(latestDay);
        }
        state.getSum().setEarliestRawMs(state.getDays().values().stream()
                .filter(contribution -> inWindow(contribution.getDay(), latestDay))
                .mapToLong(DayTallies::getEarliestRawMs).min().orElse(Long.MAX_VALUE));
        changed.forEach(day -> day.getLastReadingMs().forEach((equipmentId, time) ->
                state.getLastReadingMs().merge(equipmentId, time, Math::max)));
        state.getLastReadingMs().values().removeIf(time -> time <= endMs - NetworkingRate.LOOKBACK_MS);
    }

    /** The tallies of the window. */
    public EnterpriseTallies tallies() {
        return DayTallyRecords.toTallies(state.getSum(), state.getLastReadingMs());
    }

    /** Replaces what {@code day} contributes ({@code enterpriseDay} null: nothing); a day before the window has no say. */
    private void contribute(int day, EnterpriseDay enterpriseDay, int latestDay) {
        if (day <= latestDay - DAYS) {
            return;
        }
        String key = Integer.toString(day);
        DayTallies before = state.getDays().remove(key);
        if (before != null && inWindow(day, latestDay)) {
            DayTallyRecords.add(state.getSum(), before, -1);
        }
        if (enterpriseDay == null) {
            return;
        }
        long accountedEndMs = accountedEndMs(day, state.getLatestMs());
        DayTallies now = DayTallyRecords.of(EnterpriseTallies.of(enterpriseDay, state.getLatestMs() + 1), day,
                accountedEndMs);
        state.getDays().put(key, now);
        if (inWindow(day, latestDay)) {
            DayTallyRecords.add(state.getSum(), now, +1);
        }
    }

    /** The sum afresh from the days of the window, oldest first: the floating-point sums lose no rounding. */
    private void resum(int latestDay) {
        DayTallies sum = DayTallyRecords.empty(latestDay);
        List<DayTallies> inWindow = new ArrayList<>(state.getDays().values().stream()
                .filter(contribution -> inWindow(contribution.getDay(), latestDay)).toList());
        inWindow.sort((a, b) -> Integer.compare(a.getDay(), b.getDay()));
        inWindow.forEach(contribution -> DayTallyRecords.add(sum, contribution, +1));
        state.setSum(sum);
    }

    private static boolean inWindow(int day, int latestDay) {
        return day > latestDay - DAYS && day <= latestDay;
    }

    /** Up to when a day is accounted at the window's end {@code endMs}: its end once over, else just after. */
    private static long accountedEndMs(int day, long endMs) {
        return Math.min(UtcDays.endOf(day), endMs + 1);
    }
}

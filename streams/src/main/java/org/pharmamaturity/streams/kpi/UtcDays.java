package org.pharmamaturity.streams.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * UTC days as the KPI windows see them (days since 1970-01-01), and when a day's closing is due in event time: once
 * the event time (a processor's {@link EventTimeClock}) passes its end plus the grace, like a tumbling window with
 * grace in the DSL. {@link DayClosing} adds the wall-clock margin before the closing is final.
 */
public final class UtcDays {

    /** Milliseconds in a UTC day. */
    public static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final long graceMs;

    public UtcDays(Duration grace) {
        this.graceMs = grace.toMillis();
    }

    /** The day of an epoch-millisecond time. */
    public static int dayOf(long timeMs) {
        return (int) Math.floorDiv(timeMs, DAY_MS);
    }

    /** Start of the day, epoch milliseconds. */
    public static long startOf(int day) {
        return day * DAY_MS;
    }

    /** End of the day (exclusive), epoch milliseconds. */
    public static long endOf(int day) {
        return (day + 1L) * DAY_MS;
    }

    /** The day as a date. */
    public static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    /** The earliest day the event time leaves open: every earlier day's end plus the grace has passed. */
    public int firstOpenDay(long nowMs) {
        return dayOf(nowMs - graceMs);
    }

    /**
     * The entry of {@code day} in {@code entries}, a list in day order (each entry's day by {@code dayOf}); when there
     * is none, {@code create} makes one and it is inserted where it belongs.
     */
    public static <T> T entryOf(List<T> entries, int day, ToIntFunction<T> dayOf, IntFunction<T> create) {
        int index = 0;
        while (index < entries.size() && dayOf.applyAsInt(entries.get(index)) < day) {
            index++;
        }
        if (index < entries.size() && dayOf.applyAsInt(entries.get(index)) == day) {
            return entries.get(index);
        }
        T created = create.apply(day);
        entries.add(index, created);
        return created;
    }
}

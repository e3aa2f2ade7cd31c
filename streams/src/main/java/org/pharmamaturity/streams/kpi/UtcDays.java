package org.pharmamaturity.streams.kpi;

import java.time.Duration;
import java.time.LocalDate;

/**
 * UTC days as the KPI windows see them (days since 1970-01-01), and when a day closes: a day stays open for late
 * data until the event time (a processor's {@link EventTimeClock}) passes its end plus the grace, like a tumbling
 * window with grace in the DSL.
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

    /** True once the event time has reached the day's end plus the grace: later data for it is too late. */
    public boolean closed(int day, long nowMs) {
        return endOf(day) + graceMs <= nowMs;
    }

    /** The earliest day still open at the event time. */
    public int firstOpenDay(long nowMs) {
        return dayOf(nowMs - graceMs);
    }
}

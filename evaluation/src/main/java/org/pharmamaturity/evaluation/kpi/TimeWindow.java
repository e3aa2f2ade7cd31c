package org.pharmamaturity.evaluation.kpi;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** A half-open window [startMs, endMs) of event time in epoch milliseconds. */
public record TimeWindow(long startMs, long endMs) {

    public TimeWindow {
        if (endMs <= startMs) {
            throw new IllegalArgumentException("window end " + endMs + " must be after its start " + startMs);
        }
    }

    /** The UTC day of {@code date}, the window of the daily KPIs. */
    public static TimeWindow utcDay(LocalDate date) {
        long start = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        return new TimeWindow(start, start + 86_400_000L);
    }

    /** The window's length in milliseconds. */
    public long lengthMs() {
        return endMs - startMs;
    }

    /** Whether {@code timeMs} falls inside the window. */
    public boolean contains(long timeMs) {
        return timeMs >= startMs && timeMs < endMs;
    }

    /** How many milliseconds of [fromMs, toMs) fall inside the window. */
    public long overlapMs(long fromMs, long toMs) {
        return Math.max(0, Math.min(toMs, endMs) - Math.max(fromMs, startMs));
    }
}

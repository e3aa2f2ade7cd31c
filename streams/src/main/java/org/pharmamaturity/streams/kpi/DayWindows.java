package org.pharmamaturity.streams.kpi;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The UTC days of one KPI processor (one per task): which still take data and which are closed for good. It joins
 * the event-time mark ({@link EventTimeClock}) and the closing rules ({@link DayClosing}: grace in event time, then
 * the close margin in wall-clock time), and keeps both in the processor's event-time store, so a restart resumes
 * the closings that were due. A processor calls {@link #observe} for every input, judges the input's day with
 * {@link #isOpen}, and finalises its closed days whenever {@link #firstOpenDay()} moved, also from a wall-clock
 * punctuator every {@link #checkInterval()} when the margin is not zero (so a day closes without further input).
 */
public final class DayWindows {

    /** Store key of the first day whose closing is not final. */
    static final String FIRST_OPEN_DAY_KEY = "first-open-day";
    /** Store key prefix of a closing due: {@code closing-due@<first open day it asks for>} -> wall-clock ms. */
    static final String DUE_PREFIX = "closing-due@";
    /** Longest wait between two checks for closings that became final: a day closes at most this late. */
    private static final Duration LONGEST_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final KeyValueStore<String, Long> store;
    private final EventTimeClock clock;
    private final DayClosing closing;
    private final Duration margin;

    private DayWindows(KeyValueStore<String, Long> store, EventTimeClock clock, DayClosing closing, Duration margin) {
        this.store = store;
        this.clock = clock;
        this.closing = closing;
        this.margin = margin;
    }

    /**
     * The days kept in {@code store}, resumed from what it saved. A store written before close margins existed
     * holds only the event-time mark: the days it closed are those the grace closed. (Once a mark is saved, this
     * class has also saved a closing due or a first open day.)
     */
    public static DayWindows resume(KeyValueStore<String, Long> store, Duration grace, Duration margin) {
        UtcDays days = new UtcDays(grace);
        EventTimeClock clock = EventTimeClock.resume(store);
        Map<Integer, Long> due = new HashMap<>();
        try (KeyValueIterator<String, Long> saved = store.prefixScan(DUE_PREFIX, new StringSerializer())) {
            while (saved.hasNext()) {
                KeyValue<String, Long> entry = saved.next();
                due.put(Integer.parseInt(entry.key.substring(DUE_PREFIX.length())), entry.value);
            }
        }
        Long savedFirstOpen = store.get(FIRST_OPEN_DAY_KEY);
        boolean markOnly = savedFirstOpen == null && due.isEmpty() && clock.highWaterMs() != Long.MIN_VALUE;
        int firstOpen = savedFirstOpen != null ? savedFirstOpen.intValue()
                : markOnly ? days.firstOpenDay(clock.highWaterMs()) : Integer.MIN_VALUE;
        return new DayWindows(store, clock, new DayClosing(days, margin, firstOpen, due), margin);
    }

    /**
     * Takes in the event time of an input processed at wall-clock time {@code wallMs}: moves the mark, notes a
     * closing that became due and finalises those whose margin passed. Returns the event-time mark.
     */
    public long observe(long eventTimeMs, long wallMs) {
        long highWaterMs = clock.observe(eventTimeMs);
        closing.markDue(highWaterMs, wallMs).ifPresent(day -> store.put(DUE_PREFIX + day, wallMs));
        finalise(wallMs);
        return highWaterMs;
    }

    /** Finalises the closings whose margin passed at {@code wallMs}; true when {@link #firstOpenDay()} moved. */
    public boolean finalise(long wallMs) {
        List<Integer> finalised = closing.finalise(wallMs);
        if (finalised.isEmpty()) {
            return false;
        }
        finalised.forEach(day -> store.delete(DUE_PREFIX + day));
        store.put(FIRST_OPEN_DAY_KEY, (long) closing.firstOpenDay());
        return true;
    }

    /** True while the day takes data. */
    public boolean isOpen(int day) {
        return closing.isOpen(day);
    }

    /** The first day that still takes data; every earlier day is closed for good. */
    public int firstOpenDay() {
        return closing.firstOpenDay();
    }

    /** The latest event time seen. */
    public long highWaterMs() {
        return clock.highWaterMs();
    }

    /** True when closings wait for the margin, so the processor needs a punctuator to finalise them. */
    public boolean waitsForMargin() {
        return !margin.isZero();
    }

    /** How often a punctuator should look for closings that became final: the margin, at most a second. */
    public Duration checkInterval() {
        return margin.compareTo(LONGEST_CHECK_INTERVAL) < 0 ? margin : LONGEST_CHECK_INTERVAL;
    }
}

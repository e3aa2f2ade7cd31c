package org.pharmamaturity.streams.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * When the UTC days of one KPI processor close, as plain arithmetic (no Kafka): a day's closing becomes <em>due</em>
 * when the processor's event-time mark passes the day's end plus the grace ({@link UtcDays}), and <em>final</em>
 * once the wall clock has passed the moment it became due plus the close margin. Until then the day still takes
 * data; after, a record for it is late.
 *
 * <p>Why the margin: a processor fed by several topics (state changes and counts, each repartitioned by an upstream
 * task that commits on its own schedule under exactly_once_v2) can see a next-day record of one topic before the
 * previous day's records of the other, although they were produced first. The event time alone would then close
 * the day under them. The margin is wall-clock time because what it waits for, the other topic catching up, takes
 * wall-clock time, whatever the event times say. A zero margin makes a closing final as soon as it is due.
 *
 * <p>Several closings can be due at once (a backfill moving the event time across days within the margin); each
 * becomes final on its own margin, in day order, so a long backfill still closes its days as it goes.
 */
public final class DayClosing {

    private final UtcDays days;
    private final long marginMs;
    private final NavigableMap<Integer, Long> due;
    private int firstOpenDay;

    /**
     * @param firstOpenDay the first day whose closing is not final ({@link Integer#MIN_VALUE}: none closed yet)
     * @param due the closings due and not yet final: the first open day each asks for, and the wall-clock time
     *        (epoch ms) it became due
     */
    public DayClosing(UtcDays days, Duration margin, int firstOpenDay, Map<Integer, Long> due) {
        this.days = days;
        this.marginMs = margin.toMillis();
        this.firstOpenDay = firstOpenDay;
        this.due = new TreeMap<>(due);
    }

    /**
     * Notes the event-time mark {@code highWaterMs} at wall-clock time {@code wallMs}: when it asks for a later
     * first open day than any closing already due, that closing is due from now on, and its first open day is
     * returned.
     */
    public OptionalInt markDue(long highWaterMs, long wallMs) {
        int asked = days.firstOpenDay(highWaterMs);
        int scheduled = due.isEmpty() ? firstOpenDay : due.lastKey();
        if (asked <= scheduled) {
            return OptionalInt.empty();
        }
        due.put(asked, wallMs);
        return OptionalInt.of(asked);
    }

    /**
     * Makes final every due closing whose margin has passed at {@code wallMs}, in day order, and returns the
     * first open days of those made final (empty when none; then {@link #firstOpenDay()} did not move).
     */
    public List<Integer> finalise(long wallMs) {
        List<Integer> finalised = new ArrayList<>();
        while (!due.isEmpty() && wallMs - due.firstEntry().getValue() >= marginMs) {
            firstOpenDay = due.pollFirstEntry().getKey();
            finalised.add(firstOpenDay);
        }
        return finalised;
    }

    /** True while the day takes data: its closing is not final. */
    public boolean isOpen(int day) {
        return day >= firstOpenDay;
    }

    /** The first day whose closing is not final; every earlier day is closed for good. */
    public int firstOpenDay() {
        return firstOpenDay;
    }

    /** The closings due and not yet final, by the first open day each asks for: when each became due. */
    public Map<Integer, Long> due() {
        return Collections.unmodifiableMap(due);
    }
}

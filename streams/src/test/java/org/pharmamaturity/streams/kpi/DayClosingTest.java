package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * When a day's closing is due and when it is final: grace 1 h in event time, then a 30 s margin in wall-clock time.
 * Day numbers are days since 1970-01-01: 2025-03-01 is day 20148, 2025-03-02 day 20149.
 */
class DayClosingTest {

    private static final int MARCH_1 = 20_148;
    private static final UtcDays GRACE_ONE_HOUR = new UtcDays(Duration.ofHours(1));
    private static final long WALL = 1_000_000L;

    @Test
    void aDueClosingWaitsForTheMarginBeforeItIsFinal() {
        DayClosing closing = new DayClosing(GRACE_ONE_HOUR, Duration.ofSeconds(30), MARCH_1, Map.of());

        // 2025-03-02T06:00: March 1st ended 6 h ago, past its 1 h grace: first open day by event time is March 2nd.
        assertThat(closing.markDue(ms("2025-03-02T06:00:00Z"), WALL)).hasValue(MARCH_1 + 1);
        assertThat(closing.finalise(WALL)).isEmpty();
        assertThat(closing.isOpen(MARCH_1)).as("still open: due, but within the margin").isTrue();

        assertThat(closing.finalise(WALL + 29_999)).isEmpty(); // 29.999 s < 30 s
        assertThat(closing.isOpen(MARCH_1)).isTrue();

        assertThat(closing.finalise(WALL + 30_000)).containsExactly(MARCH_1 + 1); // 30 s >= 30 s
        assertThat(closing.isOpen(MARCH_1)).isFalse();
        assertThat(closing.isOpen(MARCH_1 + 1)).isTrue();
        assertThat(closing.due()).isEmpty();
    }

    @Test
    void theGraceDecidesWhenAClosingIsDue() {
        DayClosing closing = new DayClosing(GRACE_ONE_HOUR, Duration.ofSeconds(30), MARCH_1, Map.of());
        // 00:59:59.999 of March 2nd: March 1st's end plus 1 h is 01:00, not reached.
        assertThat(closing.markDue(ms("2025-03-02T00:59:59.999Z"), WALL)).isEmpty();
        // 01:00 exactly: reached.
        assertThat(closing.markDue(ms("2025-03-02T01:00:00Z"), WALL + 5)).hasValue(MARCH_1 + 1);
        // A later event time of the same next day asks for nothing new; the closing keeps its first due moment.
        assertThat(closing.markDue(ms("2025-03-02T23:00:00Z"), WALL + 10)).isEmpty();
        assertThat(closing.due()).containsExactly(Map.entry(MARCH_1 + 1, WALL + 5));
    }

    @Test
    void closingsDueOneAfterAnotherBecomeFinalEachOnItsOwnMargin() {
        DayClosing closing = new DayClosing(GRACE_ONE_HOUR, Duration.ofSeconds(30), MARCH_1, Map.of());
        closing.markDue(ms("2025-03-02T06:00:00Z"), WALL);          // closes March 1st, due at WALL
        closing.markDue(ms("2025-03-03T06:00:00Z"), WALL + 20_000); // closes March 2nd, due 20 s later

        assertThat(closing.finalise(WALL + 30_000)).containsExactly(MARCH_1 + 1); // first: 30 s passed
        assertThat(closing.isOpen(MARCH_1 + 1)).as("March 2nd: only 10 s of its margin passed").isTrue();
        assertThat(closing.finalise(WALL + 50_000)).containsExactly(MARCH_1 + 2); // second: 20 + 30 s
        assertThat(closing.firstOpenDay()).isEqualTo(MARCH_1 + 2);
    }

    @Test
    void aZeroMarginMakesAClosingFinalAtOnce() {
        DayClosing closing = new DayClosing(GRACE_ONE_HOUR, Duration.ZERO, Integer.MIN_VALUE, Map.of());
        assertThat(closing.isOpen(MARCH_1 - 10_000)).as("nothing closed before any event").isTrue();

        closing.markDue(ms("2025-03-02T06:00:00Z"), WALL);
        assertThat(closing.finalise(WALL)).containsExactly(MARCH_1 + 1);
        assertThat(closing.isOpen(MARCH_1)).isFalse();
    }

    @Test
    void aResumedClosingKeepsItsDueMoment() {
        // As saved before a restart: March 1st's closing due at WALL, not yet final.
        DayClosing resumed = new DayClosing(GRACE_ONE_HOUR, Duration.ofSeconds(30), MARCH_1, Map.of(MARCH_1 + 1, WALL));
        assertThat(resumed.isOpen(MARCH_1)).isTrue();
        // The restart took 2 min: the margin passed meanwhile, so the first check makes it final.
        assertThat(resumed.finalise(WALL + 120_000)).containsExactly(MARCH_1 + 1);
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}

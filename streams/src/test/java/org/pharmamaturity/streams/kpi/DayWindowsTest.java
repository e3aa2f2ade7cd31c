package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The days of a processor survive a restart: the mark, the due closing and the first open day are in its store. */
class DayWindowsTest {

    private static final Duration GRACE = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final int MARCH_1 = 20_148; // days since 1970-01-01
    private static final long WALL = 1_000_000L;

    private KeyValueStore<String, Long> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("event-time"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void aDueClosingSurvivesARestartAndBecomesFinalAfterItsMargin() {
        DayWindows windows = DayWindows.resume(store, GRACE, MARGIN);
        // The first event makes the days before March 1st due at WALL - 60 s; final by the next event.
        windows.observe(ms("2025-03-01T10:00:00Z"), WALL - 60_000);
        windows.observe(ms("2025-03-02T06:00:00Z"), WALL + 1_000); // March 1st due at WALL + 1 s
        assertThat(windows.isOpen(MARCH_1)).isTrue();
        assertThat(store.get(DayWindows.DUE_PREFIX + (MARCH_1 + 1))).isEqualTo(WALL + 1_000);

        DayWindows restarted = DayWindows.resume(store, GRACE, MARGIN);
        assertThat(restarted.highWaterMs()).isEqualTo(ms("2025-03-02T06:00:00Z"));
        assertThat(restarted.isOpen(MARCH_1)).isTrue();
        assertThat(restarted.finalise(WALL + 30_999)).isFalse(); // 29.999 s after it became due
        assertThat(restarted.finalise(WALL + 31_000)).isTrue();  // 30 s after
        assertThat(restarted.isOpen(MARCH_1)).isFalse();
        assertThat(store.get(DayWindows.DUE_PREFIX + (MARCH_1 + 1))).isNull();
        assertThat(store.get(DayWindows.FIRST_OPEN_DAY_KEY)).isEqualTo(MARCH_1 + 1L);

        assertThat(DayWindows.resume(store, GRACE, MARGIN).isOpen(MARCH_1)).isFalse();
    }

    @Test
    void aStoreFromBeforeMarginsClosesWhatItsGraceClosed() {
        // Written by the former EventTimeClock alone: the mark at 2025-03-02T06:00, nothing else.
        store.put(EventTimeClock.KEY, ms("2025-03-02T06:00:00Z"));
        DayWindows windows = DayWindows.resume(store, GRACE, MARGIN);
        assertThat(windows.isOpen(MARCH_1)).isFalse(); // 06:00 is past March 1st's end + 1 h
        assertThat(windows.isOpen(MARCH_1 + 1)).isTrue();
    }

    @Test
    void theCheckIntervalIsTheMarginUpToOneSecond() {
        assertThat(DayWindows.resume(store, GRACE, Duration.ofMillis(200)).checkInterval()).hasMillis(200);
        assertThat(DayWindows.resume(store, GRACE, MARGIN).checkInterval()).hasSeconds(1);
        assertThat(DayWindows.resume(store, GRACE, Duration.ZERO).waitsForMargin()).isFalse();
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}

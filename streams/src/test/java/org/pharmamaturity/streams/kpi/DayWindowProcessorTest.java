package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared skeleton over the Processor API, in the style of Kafka's WordCountProcessorTest: a mock context, two
 * in-memory stores, and a toy day function that remembers the day of each key's latest input. Grace 1 h, margin
 * 30 s; 2025-03-01 is day 20148.
 */
class DayWindowProcessorTest {

    private static final long MARCH_1 = 20_148L;
    private static final Duration GRACE = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final long WALL = 1_000_000L;

    private MockProcessorContext<String, String> context;
    private KeyValueStore<String, Long> states;
    private DayWindowProcessor<Long, Long, String> processor;

    @BeforeEach
    void init() {
        context = new MockProcessorContext<>();
        states = store("states");
        KeyValueStore<String, Long> eventTime = store("event-time");
        context.addStateStore(states);
        context.addStateStore(eventTime);
        context.setCurrentSystemTimeMs(WALL);
        processor = new DayWindowProcessor<>("states", "event-time", GRACE, MARGIN, new LatestDay()) {
            @Override
            protected String late(Record<String, Long> record, long wallMs) {
                return "late " + Instant.ofEpochMilli(record.value()) + " at " + wallMs;
            }
        };
        processor.init(context);
    }

    @Test
    void anInputOfAnOpenDayIsAppliedAndStored() {
        processor.process(input("A", "2025-03-01T10:00:00Z"));

        assertThat(forwarded()).containsExactly("A on " + MARCH_1);
        assertThat(states.get("A")).isEqualTo(MARCH_1);
    }

    @Test
    void aDayClosesAfterGraceAndMarginThenItsInputsAreLate() {
        processor.process(input("A", "2025-03-01T10:00:00Z"));
        // 2025-03-02T01:00 is March 1st's end plus the 1 h grace: its closing is due, final 30 s of wall clock later.
        processor.process(input("B", "2025-03-02T01:00:00Z"));
        assertThat(states.get("A")).as("within the margin the day still takes data").isEqualTo(MARCH_1);
        context.resetForwards();

        context.setCurrentSystemTimeMs(WALL + 30_000); // margin 30 s passed
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(WALL + 30_000);
        assertThat(forwarded()).containsExactly("closed " + MARCH_1);
        assertThat(states.get("A")).as("a null state forgets the key").isNull();
        assertThat(states.get("B")).isEqualTo(MARCH_1 + 1);
        context.resetForwards();

        processor.process(input("A", "2025-03-01T23:00:00Z"));
        assertThat(forwarded()).containsExactly("late 2025-03-01T23:00:00Z at " + (WALL + 30_000));
        assertThat(states.get("A")).isNull();
    }

    @Test
    void thePunctuatorChecksEveryMarginUpToOneSecond() {
        // A margin of 30 s is checked every second (at most a second late), by wall-clock time.
        assertThat(context.scheduledPunctuators()).hasSize(1);
        assertThat(context.scheduledPunctuators().get(0).getInterval()).hasSeconds(1);
    }

    private Record<String, Long> input(String key, String time) {
        return new Record<>(key, Instant.parse(time).toEpochMilli(), Instant.parse(time).toEpochMilli());
    }

    private List<String> forwarded() {
        return context.forwarded().stream().map(forward -> (String) forward.record().value()).toList();
    }

    private static KeyValueStore<String, Long> store(String name) {
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    /** The toy day function: a key's state is the day of its latest input; closing that day forgets the key. */
    private static final class LatestDay implements DayStateFunction<Long, Long, String> {

        @Override
        public long eventTimeMs(Long input) {
            return input;
        }

        @Override
        public Step<Long, String> apply(String key, Long state, Long input, DayTime time) {
            long day = UtcDays.dayOf(input);
            return new Step<>(day, List.of(new Record<>(key, key + " on " + day, time.timestampMs())));
        }

        @Override
        public boolean closes(Long state, int firstOpenDay) {
            return state < firstOpenDay;
        }

        @Override
        public Step<Long, String> close(Long state, DayTime time) {
            return new Step<>(null, List.of(new Record<>("closed", "closed " + state, time.timestampMs())));
        }
    }
}

package org.pharmamaturity.streams.state;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Gives an empty window store a segment to keep its committed changelog offset in. Kafka Streams 4.3 keeps that
 * offset inside the store (KIP-1035), and a window store writes it into each of its segments; a store that has
 * never received a record has no segment, so after a clean stop it looks uncheckpointed, and under
 * exactly_once_v2 its task is declared corrupted, wiped and re-initialized with a forced rebalance (see the
 * docs/adr/0003-window-store-anchors.md). Once, as soon as the task runs, an empty store gets an anchor
 * entry: key "" (every real key is a non-blank id, so no lookup finds it) at time 0, which expires with its
 * segment as soon as real data moves the store's stream time past the retention.
 */
public final class WindowStoreAnchor {

    /** The anchor's key: never an id, since ids are required to be non-blank. */
    public static final String KEY = "";

    /**
     * The anchor is written at the task's first wall-clock punctuation: as early as possible, because a task revoked
     * before it (a rebalance right after start-up) still closes its empty store without a segment.
     */
    private static final Duration DELAY = Duration.ofMillis(1);

    private WindowStoreAnchor() {
    }

    /** Schedules the one-off anchoring of {@code store}; call from the processor's init. */
    public static void anchorWhenEmpty(ProcessingContext context, WindowStore<String, Long> store) {
        AtomicReference<Cancellable> schedule = new AtomicReference<>();
        schedule.set(context.schedule(DELAY, PunctuationType.WALL_CLOCK_TIME, now -> {
            try (KeyValueIterator<?, Long> entries = store.all()) {
                if (!entries.hasNext()) {
                    store.put(KEY, 0L, 0L);
                }
            }
            schedule.get().cancel();
        }));
    }
}

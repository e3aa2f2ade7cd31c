package org.pharmamaturity.streams.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The store of what changed since it was last published (an enterprise's KPIs, a sector's statistics), drained
 * by a wall-clock punctuator: each entry is published once, however many changes it collected, then removed.
 */
public final class PendingPublications {

    private PendingPublications() {
    }

    /** Marks {@code key} as due, with the latest record timestamp of its changes. */
    public static void markDue(KeyValueStore<String, Long> pending, String key, long timestampMs) {
        Long due = pending.get(key);
        pending.put(key, due == null ? timestampMs : Math.max(due, timestampMs));
    }

    /**
     * Publishes every pending entry with {@code publish} and removes it. The entries are read first and removed
     * after, because a store must not change under an open iterator.
     */
    public static <V> void publishAll(KeyValueStore<String, V> pending, BiConsumer<String, V> publish) {
        List<KeyValue<String, V>> due = new ArrayList<>();
        try (KeyValueIterator<String, V> all = pending.all()) {
            all.forEachRemaining(due::add);
        }
        for (KeyValue<String, V> entry : due) {
            publish.accept(entry.key, entry.value);
            pending.delete(entry.key);
        }
    }
}

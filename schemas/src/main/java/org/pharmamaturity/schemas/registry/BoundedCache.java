package org.pharmamaturity.schemas.registry;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A thread-safe map that forgets its oldest entries beyond a capacity. Reads are lock-free, which matters on the
 * serde's per-record path; eviction is first-in first-out, good enough for schemas that rarely change.
 *
 * @param <K> key type, compared with {@code equals}
 * @param <V> value type
 */
public final class BoundedCache<K, V> {

    private final int capacity;
    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final Queue<K> insertionOrder = new ConcurrentLinkedQueue<>();

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** The cached value, or null. */
    public V get(K key) {
        return entries.get(key);
    }

    /**
     * The cached value, or the loader's value, which is then cached. The loader runs outside any lock (it may do
     * I/O), so two threads missing at once may both load; the first value stored wins.
     */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        V cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = loader.apply(key);
        V raced = entries.putIfAbsent(key, loaded);
        if (raced != null) {
            return raced;
        }
        insertionOrder.add(key);
        evictBeyondCapacity();
        return loaded;
    }

    /** Stores the value, replacing any earlier one. */
    public void put(K key, V value) {
        if (entries.put(key, value) == null) {
            insertionOrder.add(key);
            evictBeyondCapacity();
        }
    }

    /** Number of cached entries. */
    public int size() {
        return entries.size();
    }

    private void evictBeyondCapacity() {
        while (entries.size() > capacity) {
            K oldest = insertionOrder.poll();
            if (oldest == null) {
                return;
            }
            entries.remove(oldest);
        }
    }
}

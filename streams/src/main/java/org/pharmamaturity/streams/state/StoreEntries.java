package org.pharmamaturity.streams.state;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;

/**
 * What the gauges read at scrape time: every entry of a key-value store this instance holds. Implemented by
 * {@link LocalStores}; tests hand the gauges a map instead.
 */
public interface StoreEntries {

    /**
     * Every entry of {@code storeName} held by the active tasks of this instance (or the whole store, for a global
     * one), or empty when the store cannot be queried now (e.g. during a rebalance).
     */
    <V> Optional<List<KeyValue<String, V>>> entries(String storeName);
}

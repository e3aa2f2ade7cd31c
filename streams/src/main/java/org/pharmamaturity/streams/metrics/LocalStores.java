package org.pharmamaturity.streams.metrics;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;

/** Read access to the key-value stores this instance holds, for the gauges read at scrape time. */
public interface LocalStores {

    /**
     * Every entry of {@code storeName} held by the active tasks of this instance (or the whole store, for a global
     * one), or empty when the store cannot be queried now (e.g. during a rebalance).
     */
    <V> Optional<List<KeyValue<String, V>>> entries(String storeName);
}

package org.pharmamaturity.streams.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that runs interactive queries on the key-value stores of this instance, for the REST API and the
 * gauges. Active tasks only (standbys are not read), so each partition is answered by exactly one instance and
 * Prometheus can add the instances up. A store that is not queryable right now (start-up, rebalancing) is a
 * {@link StoreNotQueryableException} for the API (a 503 with Retry-After) and an empty answer for the gauges.
 */
public final class LocalStores implements StoreEntries {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStores.class);

    private final KafkaStreams streams;

    public LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The value under {@code key}, if any. */
    public <V> Optional<V> get(String storeName, String key) {
        try {
            return Optional.ofNullable(this.<V>store(storeName).get(key));
        } catch (InvalidStateStoreException e) {
            throw notQueryable(storeName);
        }
    }

    /** Every entry with a key from {@code from} to {@code to}, both included, in key order. */
    public <V> List<KeyValue<String, V>> range(String storeName, String from, String to) {
        try (KeyValueIterator<String, V> entries = this.<V>store(storeName).range(from, to)) {
            return drain(entries);
        } catch (InvalidStateStoreException e) {
            throw notQueryable(storeName);
        }
    }

    /** Every entry, in key order. */
    public <V> List<KeyValue<String, V>> all(String storeName) {
        try (KeyValueIterator<String, V> entries = this.<V>store(storeName).all()) {
            return drain(entries);
        } catch (InvalidStateStoreException e) {
            throw notQueryable(storeName);
        }
    }

    @Override
    public <V> Optional<List<KeyValue<String, V>>> entries(String storeName) {
        try {
            return Optional.of(all(storeName));
        } catch (StoreNotQueryableException e) {
            // Migrating or not yet restored: its series are left out of this scrape rather than shown half-read.
            LOG.debug("{}; its gauges are left out of this scrape", e.getMessage());
            return Optional.empty();
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String storeName) {
        return streams.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private static <V> List<KeyValue<String, V>> drain(KeyValueIterator<String, V> entries) {
        List<KeyValue<String, V>> list = new ArrayList<>();
        entries.forEachRemaining(list::add);
        return list;
    }

    private StoreNotQueryableException notQueryable(String storeName) {
        return new StoreNotQueryableException("The state store " + storeName + " is not queryable on this instance"
                + " right now (Kafka Streams is " + streams.state() + "); retry in a moment.");
    }
}

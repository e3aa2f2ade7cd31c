package org.pharmamaturity.streams.api;

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

/**
 * Interactive queries on the key-value stores of this instance (its active tasks). A store that is not
 * queryable right now (start-up, rebalancing) becomes a 503 with Retry-After.
 */
final class LocalStores {

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    <V> Optional<V> get(String storeName, String key) {
        try {
            return Optional.ofNullable(this.<V>store(storeName).get(key));
        } catch (InvalidStateStoreException e) {
            throw notQueryable(storeName);
        }
    }

    /** Every entry with a key from {@code from} to {@code to}, both included, in key order. */
    <V> List<KeyValue<String, V>> range(String storeName, String from, String to) {
        try (KeyValueIterator<String, V> entries = this.<V>store(storeName).range(from, to)) {
            return drain(entries);
        } catch (InvalidStateStoreException e) {
            throw notQueryable(storeName);
        }
    }

    <V> List<KeyValue<String, V>> all(String storeName) {
        try (KeyValueIterator<String, V> entries = this.<V>store(storeName).all()) {
            return drain(entries);
        } catch (InvalidStateStoreException e) {
            throw notQueryable(storeName);
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

    private ApiException notQueryable(String storeName) {
        return ApiException.unavailable("The state store " + storeName + " is not queryable on this instance right now"
                + " (Kafka Streams is " + streams.state() + "); retry in a moment.");
    }
}

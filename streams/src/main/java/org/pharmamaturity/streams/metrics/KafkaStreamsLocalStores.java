package org.pharmamaturity.streams.metrics;

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
 * {@link LocalStores} by interactive queries on a running {@link KafkaStreams}: active tasks only (stale stores,
 * i.e. standbys, are not read), so each partition is reported by exactly one instance and Prometheus can add the
 * instances up.
 */
public final class KafkaStreamsLocalStores implements LocalStores {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamsLocalStores.class);

    private final KafkaStreams streams;

    public KafkaStreamsLocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public <V> Optional<List<KeyValue<String, V>>> entries(String storeName) {
        List<KeyValue<String, V>> entries = new ArrayList<>();
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
            try (KeyValueIterator<String, V> all = store.all()) {
                all.forEachRemaining(entries::add);
            }
            return Optional.of(entries);
        } catch (InvalidStateStoreException e) {
            // Migrating or not yet restored: its series are left out of this scrape rather than shown half-read.
            LOG.debug("Store {} is not queryable now ({}); its gauges are left out of this scrape", storeName,
                    e.getMessage());
            return Optional.empty();
        }
    }
}

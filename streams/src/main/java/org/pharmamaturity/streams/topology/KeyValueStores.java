package org.pharmamaturity.streams.topology;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.pharmamaturity.streams.state.StateSerde;

/**
 * Small helpers the topologies share: a persistent, logged key-value store of Avro state or of times,
 * and widening a stream.
 */
final class KeyValueStores {

    /**
     * Changelog settings of the window stores. Their changelogs are deleted by time (the store's retention plus a
     * day), and the broker measures that against the records' timestamps; with event time there, a replay of old
     * data would find its changelog deleted at once and a restore would lose the entries (a resent event would
     * then count twice). With LogAppendTime the broker measures from when the entry was written; the window
     * itself is in the changelog key, so restoring does not need the record timestamp.
     */
    static final Map<String, String> APPEND_TIME_CHANGELOG = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
            "LogAppendTime");

    private KeyValueStores() {
    }

    /** A persistent key-value store with string keys and {@code type} values, logged to its changelog. */
    static <V extends SpecificRecord> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), StateSerde.of(type));
    }

    /**
     * A store of epoch-millisecond times by string key (a processor's event-time high-water mark, the sectors due
     * for publication); cached, so a time that moves with nearly every record reaches the changelog once per
     * commit.
     */
    static StoreBuilder<KeyValueStore<String, Long>> cachedTimes(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    /**
     * The store of what is due for publication (see {@link org.pharmamaturity.streams.state.PendingPublications});
     * cached, so an entry marked by every record of a burst reaches the changelog once per commit.
     */
    static <V extends SpecificRecord> StoreBuilder<KeyValueStore<String, V>> pending(String name, Class<V> type) {
        return persistent(name, type).withCachingEnabled();
    }

    /** The same stream typed by a supertype of its values (streams are read-only, so this is safe). */
    @SuppressWarnings("unchecked")
    static <K, V> KStream<K, V> widen(KStream<K, ? extends V> stream) {
        return (KStream<K, V>) stream;
    }
}

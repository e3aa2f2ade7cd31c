package org.pharmamaturity.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.streams.config.ServiceSettings;

/** Every RocksDB store of an application configured through {@link BoundedRocksDbMemory#install} charges one cache. */
class BoundedRocksDbMemoryTest {

    /** 40 MiB: a bound no other test uses, so this test's stores have a cache of their own. */
    private static final long BOUND = 40L * 1024 * 1024;

    @TempDir
    java.nio.file.Path stateDir;

    @Test
    void memtablesOfEveryStoreAreChargedToTheSharedCache() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("in", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("table-store"));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-memory-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // No record cache in front of the store: every value is written to RocksDB at once.
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        BoundedRocksDbMemory.install(properties, BOUND);
        assertThat(properties).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                BoundedRocksDbMemory.class.getName());
        assertThat(BoundedRocksDbMemory.usedBytes(BOUND)).isZero();

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            String kilobyte = "x".repeat(1024);
            for (int i = 0; i < 4_000; i++) {
                in.pipeInput("key-" + i, kilobyte);
            }
            // TopologyTestDriver commits, and so flushes the memtable to a file, after every record: what the cache
            // holds now are the index and filter blocks of those files and the open memtable, charged by the write
            // buffer manager.
            assertThat(BoundedRocksDbMemory.usedBytes(BOUND)).isPositive();
            long values = 0;
            try (KeyValueIterator<String, String> all = driver.<String, String>getKeyValueStore("table-store").all()) {
                while (all.hasNext()) {
                    values += all.next().value.length();
                }
            }
            // Reading the 4,000 values back loads their data blocks, 4,000 x 1 KiB = 4,096,000 bytes at least, into
            // the same cache; far below the bound, so nothing was evicted.
            assertThat(values).isEqualTo(4_000L * 1024);
            assertThat(BoundedRocksDbMemory.usedBytes(BOUND)).isGreaterThanOrEqualTo(4_000L * 1024).isLessThan(BOUND / 2);
            assertThat(BoundedRocksDbMemory.boundBytes()).isGreaterThanOrEqualTo(BOUND);
        }
    }

    @Test
    void aSetterOfTheUsersOwnIsKept() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.OwnSetter");
        BoundedRocksDbMemory.install(properties, BOUND);
        assertThat(properties).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.OwnSetter");
    }

    @Test
    void theBoundIsASettingInMebibytes() {
        assertThat(ServiceSettings.of(java.util.Map.of()).rocksDbMemoryBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(ServiceSettings.of(java.util.Map.of(ServiceSettings.ROCKSDB_MEMORY_MB, "64")).rocksDbMemoryBytes())
                .isEqualTo(64L * 1024 * 1024);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceSettings.of(
                java.util.Map.of(ServiceSettings.ROCKSDB_MEMORY_MB, "8")))
                .hasMessageContaining("maturity.rocksdb.memory-mb: '8' is not a whole number from 16 to 1048576");
    }
}

package org.pharmamaturity.streams.state;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the process, as the memory-management page of the Kafka
 * Streams developer guide shows: one block cache shared by all stores, with a {@link WriteBufferManager} that counts
 * the memtables against the same cache, and index and filter blocks kept in it too. Without it each of the
 * pipeline's stores and partitions gets its own cache and memtables, and their sum grows with the number of tasks
 * (the 30-minute soak saw the memtables grow from 390 to 532 MiB).
 *
 * <p>RocksDB's cache and write buffer manager must be shared by every store to bound their sum, so they are static:
 * the stores configured with the same bound ({@link #BOUND_CONFIG}, set by {@link #install} from
 * {@code maturity.rocksdb.memory-mb}) share one cache. A service has one bound; several services in one JVM (as in
 * tests) with different bounds each get their own. The cache does not refuse allocations beyond the bound (strict capacity would
 * fail writes); it evicts blocks and flushes memtables early instead.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The Kafka Streams property that carries the bound, in bytes, to {@link #setConfig}. */
    public static final String BOUND_CONFIG = "maturity.rocksdb.memory-bytes";
    /** The share of the bound that memtables may take before the write buffer manager flushes them. */
    static final double MEMTABLE_SHARE = 0.5;
    /** The share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
    private static final double INDEX_FILTER_SHARE = 0.1;

    private static final ConcurrentMap<Long, SharedMemory> SHARED = new ConcurrentHashMap<>();

    /**
     * Makes every RocksDB store of the application configured with {@code properties} share {@code boundBytes},
     * unless the properties name a {@code rocksdb.config.setter} of their own.
     */
    public static void install(Properties properties, long boundBytes) {
        properties.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        properties.put(BOUND_CONFIG, Long.toString(boundBytes));
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedMemory memory = shared(bound(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store: closing one store must not free them.
    }

    /** The bounds in force, in bytes (one per service); 0 before any store was configured. */
    public static long boundBytes() {
        return SHARED.keySet().stream().mapToLong(Long::longValue).sum();
    }

    /** The memory the shared caches hold now, memtables included, in bytes; 0 before any store was configured. */
    public static long usedBytes() {
        return SHARED.values().stream().mapToLong(memory -> memory.cache().getUsage()).sum();
    }

    /** The memory the cache of the stores bounded by {@code boundBytes} holds now; 0 when there are none. */
    static long usedBytes(long boundBytes) {
        SharedMemory memory = SHARED.get(boundBytes);
        return memory == null ? 0 : memory.cache().getUsage();
    }

    private static SharedMemory shared(long boundBytes) {
        return SHARED.computeIfAbsent(boundBytes, bound -> {
            Cache cache = new LRUCache(bound, -1, false, INDEX_FILTER_SHARE);
            return new SharedMemory(cache, new WriteBufferManager((long) (bound * MEMTABLE_SHARE), cache));
        });
    }

    private static long bound(Map<String, Object> configs) {
        Object value = configs.get(BOUND_CONFIG);
        if (value == null) {
            throw new IllegalStateException(BOUND_CONFIG + " is not set: the service sets it from "
                    + "maturity.rocksdb.memory-mb through install()");
        }
        return Long.parseLong(value.toString());
    }

    private record SharedMemory(Cache cache, WriteBufferManager writeBuffers) {
    }
}

package org.pharmamaturity.benchmarks.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Memory and state after a run: the JVM's heap in use after a full collection (the JVM also hosts the broker when
 * the stack is in-process), RocksDB's memory (from the Streams state metrics, with the memtables' share apart: data
 * not yet flushed to disk sits there) and the bytes of the state directory on disk.
 *
 * <p>The service's stores share one block cache that also holds the memtables ({@code BoundedRocksDbMemory}), and
 * every store reports that shared cache as its {@code block-cache-usage}: RocksDB's memory is therefore the cache
 * counted once plus the table readers outside it, not a sum over stores.
 *
 * @param heapUsedBytes heap in use after {@code System.gc()}
 * @param rocksMemoryBytes the shared block cache (memtables included) + table readers; -1 when not reported
 * @param memtableBytes of those, the memtables; -1 when not reported
 * @param stateDirectoryBytes size of the files under the state directory
 */
public record ResourceFigures(long heapUsedBytes, long rocksMemoryBytes, long memtableBytes, long stateDirectoryBytes) {

    private static final String STATE_GROUP = "stream-state-metrics";
    private static final String MEMTABLES = "size-all-mem-tables";
    private static final String BLOCK_CACHE = "block-cache-usage";
    private static final String TABLE_READERS = "estimate-table-readers-mem";
    private static final Set<String> ROCKS_MEMORY = Set.of(MEMTABLES, BLOCK_CACHE, TABLE_READERS);

    /** Measures {@code streams} (still running) and {@code stateDirectory}. */
    public static ResourceFigures of(KafkaStreams streams, Path stateDirectory) {
        Map<String, Long> rocks = rocksMemoryByMetric(streams.metrics());
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rocksTotal = rocks.isEmpty() ? -1 : rocks.getOrDefault(BLOCK_CACHE, 0L) + rocks.getOrDefault(TABLE_READERS, 0L);
        return new ResourceFigures(heap, rocksTotal, rocks.getOrDefault(MEMTABLES, -1L), sizeOf(stateDirectory));
    }

    /** {@code heap X MiB, RocksDB Y MiB (memtables M MiB), state Z MiB}. */
    public String render() {
        return String.format(Locale.ROOT, "heap %.0f MiB, RocksDB %s, state %.1f MiB", mib(heapUsedBytes),
                rocksMemoryBytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB (memtables %.1f MiB)",
                        mib(rocksMemoryBytes), mib(memtableBytes)),
                mib(stateDirectoryBytes));
    }

    /** Bytes in MiB. */
    public static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /**
     * Each RocksDB memory metric over every store: summed, but the shared block cache's usage taken once (its
     * largest report); empty when none is reported.
     */
    private static Map<String, Long> rocksMemoryByMetric(Map<MetricName, ? extends Metric> metrics) {
        Map<String, Long> totals = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (STATE_GROUP.equals(name.group()) && ROCKS_MEMORY.contains(name.name())
                    && entry.getValue().metricValue() instanceof Number value) {
                totals.merge(name.name(), value.longValue(), BLOCK_CACHE.equals(name.name()) ? Math::max : Long::sum);
            }
        }
        return totals;
    }

    private static long sizeOf(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a RocksDB file compacted away while walking
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            throw new BenchmarkException("Could not measure the state directory " + directory + ": " + e.getMessage(), e);
        }
    }
}

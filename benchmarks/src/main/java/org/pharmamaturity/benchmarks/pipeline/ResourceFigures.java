package org.pharmamaturity.benchmarks.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Memory and state after a run: the JVM's heap in use after a full collection (the JVM also hosts the broker when
 * the stack is in-process), RocksDB's memory (memtables, block cache, table readers, from the Streams state
 * metrics summed over every store) and the bytes of the state directory on disk.
 *
 * @param heapUsedBytes heap in use after {@code System.gc()}
 * @param rocksMemoryBytes memtables + block cache + table readers of every RocksDB store; -1 when not reported
 * @param stateDirectoryBytes size of the files under the state directory
 */
public record ResourceFigures(long heapUsedBytes, long rocksMemoryBytes, long stateDirectoryBytes) {

    private static final String STATE_GROUP = "stream-state-metrics";
    private static final Set<String> ROCKS_MEMORY = Set.of("size-all-mem-tables",
            "block-cache-usage", "estimate-table-readers-mem");

    /** Measures {@code streams} (still running) and {@code stateDirectory}. */
    public static ResourceFigures of(KafkaStreams streams, Path stateDirectory) {
        long rocks = rocksMemory(streams.metrics());
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ResourceFigures(heap, rocks, sizeOf(stateDirectory));
    }

    /** {@code heap X MiB, RocksDB Y MiB, state Z MiB}. */
    public String render() {
        return String.format(Locale.ROOT, "heap %.0f MiB, RocksDB %s, state %.1f MiB", mib(heapUsedBytes),
                rocksMemoryBytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", mib(rocksMemoryBytes)),
                mib(stateDirectoryBytes));
    }

    /** Bytes in MiB. */
    public static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static long rocksMemory(Map<MetricName, ? extends Metric> metrics) {
        long total = 0;
        boolean found = false;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (STATE_GROUP.equals(name.group()) && ROCKS_MEMORY.contains(name.name())
                    && entry.getValue().metricValue() instanceof Number value) {
                total += value.longValue();
                found = true;
            }
        }
        return found ? total : -1;
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

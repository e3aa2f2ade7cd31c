package org.pharmamaturity.producers.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The median records-per-second of each mode over several timed runs, the figure BENCHMARKS.md records. */
final class MedianRate {

    private MedianRate() {
    }

    /** One line per mode: {@code median avro: 117,296 records/s over 5 runs}. */
    static List<String> of(List<LoadResult> results) {
        Map<String, List<Double>> ratesByMode = results.stream().collect(Collectors.groupingBy(LoadResult::mode,
                TreeMap::new, Collectors.mapping(LoadResult::recordsPerSecond, Collectors.toList())));
        return ratesByMode.entrySet().stream().map(entry -> String.format(Locale.ROOT,
                "median %-4s: %,.0f records/s over %d runs", entry.getKey(), median(entry.getValue()),
                entry.getValue().size())).toList();
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

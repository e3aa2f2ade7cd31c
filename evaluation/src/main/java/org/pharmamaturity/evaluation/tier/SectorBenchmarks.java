package org.pharmamaturity.evaluation.tier;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The region's reference for one sector: per indicator its quartiles over the sector's enterprises. An indicator
 * without a benchmark has "no sector reference yet".
 */
public record SectorBenchmarks(String sector, Map<String, IndicatorBenchmark> indicators) {

    public SectorBenchmarks {
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    }

    /** No reference for any indicator. */
    public static SectorBenchmarks none(String sector) {
        return new SectorBenchmarks(sector, Map.of());
    }

    /** Benchmarks from the sector's values per indicator; indicators without a value get none. */
    public static SectorBenchmarks of(String sector, Map<String, ? extends Collection<Double>> valuesByIndicator) {
        Map<String, IndicatorBenchmark> benchmarks = new LinkedHashMap<>();
        valuesByIndicator.forEach((indicator, values) -> {
            if (!values.isEmpty()) {
                benchmarks.put(indicator, IndicatorBenchmark.of(values));
            }
        });
        return new SectorBenchmarks(sector, benchmarks);
    }

    /** The benchmark of {@code indicator}, if there is one. */
    public Optional<IndicatorBenchmark> of(String indicator) {
        return Optional.ofNullable(indicators.get(indicator));
    }
}

package org.pharmamaturity.evaluation.tier;

import java.util.Collection;
import java.util.List;

/**
 * Where one indicator stands in a sector: lower quartile, median and upper quartile over {@code enterprises}
 * values. Which quartile is the "top" one depends on the indicator's direction: the upper for OEE, the lower for
 * energy per unit.
 */
public record IndicatorBenchmark(int enterprises, double lowerQuartile, double median, double upperQuartile) {

    /**
     * The quartiles of {@code values} by linear interpolation between order statistics (the p-quantile sits at
     * position p(n - 1) of the sorted values, counted from 0: Excel's QUARTILE.INC, R's type 7).
     *
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public static IndicatorBenchmark of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a benchmark needs at least one value");
        }
        List<Double> sorted = values.stream().sorted().toList();
        return new IndicatorBenchmark(sorted.size(), quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75));
    }

    private static double quantile(List<Double> sorted, double p) {
        double position = p * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        if (below + 1 >= sorted.size()) {
            return sorted.get(below);
        }
        return sorted.get(below) + (position - below) * (sorted.get(below + 1) - sorted.get(below));
    }
}

package org.pharmamaturity.streams.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * The data points of one gauge (or info) metric collected during a scrape: fixed label names, one value per
 * label-value combination (a repeated combination keeps its first value, since Prometheus refuses duplicates).
 * A family with no point is left out of the scrape.
 */
final class GaugeFamily {

    private final String name;
    private final String help;
    private final boolean info;
    private final String[] labelNames;
    private final Map<Labels, Double> points = new LinkedHashMap<>();

    private GaugeFamily(String name, String help, boolean info, String... labelNames) {
        this.name = name;
        this.help = help;
        this.info = info;
        this.labelNames = labelNames.clone();
    }

    /** A gauge named {@code name} with these label names. */
    static GaugeFamily gauge(String name, String help, String... labelNames) {
        return new GaugeFamily(name, help, false, labelNames);
    }

    /** An info metric, exposed as {@code <name>_info{...} 1}. */
    static GaugeFamily info(String name, String help, String... labelNames) {
        return new GaugeFamily(name, help, true, labelNames);
    }

    /** Adds the point {@code labelValues} (in the order of the label names) with {@code value}. */
    void add(double value, String... labelValues) {
        points.putIfAbsent(Labels.of(labelNames, labelValues), value);
    }

    /** Adds an info point (value 1). */
    void add(String... labelValues) {
        add(1, labelValues);
    }

    /** The snapshot, or empty when no point was added. */
    Optional<MetricSnapshot> snapshot() {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        if (info) {
            InfoSnapshot.Builder builder = InfoSnapshot.builder().name(name).help(help);
            points.keySet().forEach(labels -> builder.dataPoint(
                    InfoSnapshot.InfoDataPointSnapshot.builder().labels(labels).build()));
            return Optional.of(builder.build());
        }
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        points.forEach((labels, value) -> builder.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels).build()));
        return Optional.of(builder.build());
    }
}

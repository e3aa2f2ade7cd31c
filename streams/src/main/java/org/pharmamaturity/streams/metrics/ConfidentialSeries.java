package org.pharmamaturity.streams.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pharmamaturity.streams.api.MetricsAudience;

/**
 * Cuts a scrape down to what its audience may read. The rule is by label, so it holds for every series, present and
 * future: a data point labelled {@code enterprise_id} is served only to a caller who may read that enterprise; a
 * point of a {@code maturity_sector_*} series only when the audience may see statistics over that sector's number of
 * enterprises (the sum of its {@code maturity_sector_enterprises} points; a sector without them counts as empty),
 * a point of a {@code maturity_group_*} series likewise by its {@code group} label and
 * {@code maturity_group_enterprises}, and a {@code maturity_programme_*} series only to a regulator (as
 * {@code GET /api/v1/programme}).
 * A series left without points is left out.
 */
final class ConfidentialSeries {

    static final String ENTERPRISE_LABEL = "enterprise_id";
    static final String SECTOR_LABEL = "sector";
    static final String SECTOR_SERIES_PREFIX = "maturity_sector_";
    static final String SECTOR_SIZE_SERIES = "maturity_sector_enterprises";
    static final String GROUP_LABEL = "group";
    static final String GROUP_SERIES_PREFIX = "maturity_group_";
    static final String GROUP_SIZE_SERIES = "maturity_group_enterprises";
    /** The programme's series: served to regulators only, like the candidate lists they count. */
    static final String PROGRAMME_SERIES_PREFIX = "maturity_programme_";

    private ConfidentialSeries() {
    }

    /** The points of {@code snapshots} that {@code audience} may read. */
    static MetricSnapshots visibleTo(MetricsAudience audience, MetricSnapshots snapshots) {
        Map<String, Double> sectorSizes = sizes(snapshots, SECTOR_SIZE_SERIES, SECTOR_LABEL);
        Map<String, Double> groupSizes = sizes(snapshots, GROUP_SIZE_SERIES, GROUP_LABEL);
        List<MetricSnapshot> visible = new ArrayList<>();
        for (MetricSnapshot snapshot : snapshots) {
            String name = snapshot.getMetadata().getPrometheusName();
            if (name.startsWith(PROGRAMME_SERIES_PREFIX) && !audience.isRegulator()) {
                continue;
            }
            Predicate<Labels> allowed = labels -> (!labels.contains(ENTERPRISE_LABEL)
                    || audience.mayReadEnterprise(labels.get(ENTERPRISE_LABEL)))
                    && groupAllowed(audience, name, SECTOR_SERIES_PREFIX, SECTOR_LABEL, sectorSizes, labels)
                    && groupAllowed(audience, name, GROUP_SERIES_PREFIX, GROUP_LABEL, groupSizes, labels);
            filtered(snapshot, allowed).ifPresent(visible::add);
        }
        return new MetricSnapshots(visible);
    }

    /**
     * False only for a point of a series named {@code prefix}... whose {@code label} names a group the audience may
     * not see statistics of (a group without a size counts as empty).
     */
    private static boolean groupAllowed(MetricsAudience audience, String series, String prefix, String label,
            Map<String, Double> sizes, Labels labels) {
        return !series.startsWith(prefix) || !labels.contains(label)
                || audience.mayReadGroup(Math.round(sizes.getOrDefault(labels.get(label), 0.0)));
    }

    /** Per value of {@code label}, the sum of the points of the gauge {@code sizeSeries}. */
    private static Map<String, Double> sizes(MetricSnapshots snapshots, String sizeSeries, String label) {
        Map<String, Double> sizes = new HashMap<>();
        for (MetricSnapshot snapshot : snapshots) {
            if (snapshot instanceof GaugeSnapshot gauge && sizeSeries.equals(gauge.getMetadata().getPrometheusName())) {
                gauge.getDataPoints().forEach(point -> sizes.merge(point.getLabels().get(label),
                        point.getValue(), Double::sum));
            }
        }
        return sizes;
    }

    /** The snapshot with the allowed points only; empty when none is left. */
    private static Optional<MetricSnapshot> filtered(MetricSnapshot snapshot, Predicate<Labels> allowed) {
        if (snapshot.getDataPoints().stream().allMatch(point -> allowed.test(point.getLabels()))) {
            return Optional.of(snapshot);
        }
        return switch (snapshot) {
            case CounterSnapshot counter -> kept(counter.getDataPoints(), allowed,
                    points -> new CounterSnapshot(counter.getMetadata(), points));
            case GaugeSnapshot gauge -> kept(gauge.getDataPoints(), allowed,
                    points -> new GaugeSnapshot(gauge.getMetadata(), points));
            case InfoSnapshot info -> kept(info.getDataPoints(), allowed,
                    points -> new InfoSnapshot(info.getMetadata(), points));
            // No other kind carries such labels today; should one appear, it is withheld whole rather than leaked.
            default -> Optional.empty();
        };
    }

    private static <P extends DataPointSnapshot> Optional<MetricSnapshot> kept(List<P> points, Predicate<Labels> allowed,
            Function<List<P>, MetricSnapshot> rebuild) {
        List<P> kept = points.stream().filter(point -> allowed.test(point.getLabels())).toList();
        return kept.isEmpty() ? Optional.empty() : Optional.of(rebuild.apply(kept));
    }
}

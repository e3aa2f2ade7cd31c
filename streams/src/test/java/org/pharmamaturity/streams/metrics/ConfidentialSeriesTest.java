package org.pharmamaturity.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.streams.api.Caller;
import org.pharmamaturity.streams.api.GroupDisclosure;
import org.pharmamaturity.streams.api.MetricsAudience;
import org.pharmamaturity.streams.api.MetricsScrape;

/**
 * What each audience gets of one scrape: E1 and E2 with their series, an alert counter naming E1, sector C272 of
 * 1 + 2 + 1 = 4 enterprises and sector C275 of one (E2), and a pipeline counter. With the default minimum group size
 * of 3, C272's statistics are public and C275's are not; the programme has 2 pioneer candidates, a figure for
 * regulators only.
 */
class ConfidentialSeriesTest {

    private static final GroupDisclosure MIN_3 = new GroupDisclosure(3);

    @Test
    void withoutCredentialsNoSeriesNamesAnEnterpriseAndSmallGroupsAreWithheld() {
        PrometheusScrape scrape = scrape(new MetricsAudience(null, MIN_3));

        assertThat(scrape.samplesStartingWith("")).noneMatch(sample -> sample.labels().containsKey("enterprise_id"));
        assertThat(scrape.samples("maturity_enterprise_score")).isEmpty();
        assertThat(scrape.samples("maturity_contradiction_info")).isEmpty();
        assertThat(scrape.samples("maturity_alerts_total")).isEmpty();
        assertThat(sectors(scrape)).containsExactly("C272");
        assertThat(scrape.value("maturity_sector_score", "sector", "C272", "stat", "mean")).hasValue(1.6);
        assertThat(scrape.value("maturity_records_total", "topic", "quality.event")).hasValue(7);
        assertThat(scrape.samplesStartingWith("maturity_programme_")).isEmpty();
    }

    @Test
    void anEnterpriseGetsItsOwnSeriesOnlyAndNoSmallGroup() {
        PrometheusScrape scrape = scrape(new MetricsAudience(new Caller("E2"), MIN_3));

        assertThat(scrape.samples("maturity_enterprise_score")).extracting(sample -> sample.labels().get("enterprise_id"))
                .containsExactly("E2");
        assertThat(scrape.samples("maturity_contradiction_info")).isEmpty(); // the contradiction is E1's
        assertThat(scrape.samples("maturity_alerts_total")).isEmpty(); // the alert is E1's
        // C275 holds E2 alone, but its statistics are still a group's: only a regulator sees them below 3.
        assertThat(sectors(scrape)).containsExactly("C272");
        // the programme's figures count candidates the regulator alone may know of
        assertThat(scrape.samplesStartingWith("maturity_programme_")).isEmpty();
    }

    @Test
    void aRegulatorGetsEverything() {
        PrometheusScrape scrape = scrape(new MetricsAudience(Caller.aRegulator(), MIN_3));

        assertThat(scrape.samples("maturity_enterprise_score")).hasSize(2);
        assertThat(scrape.samples("maturity_contradiction_info")).hasSize(1);
        assertThat(scrape.value("maturity_alerts_total", "kind", "COLD_CHAIN_EXCURSION", "enterprise_id", "E1"))
                .hasValue(1);
        assertThat(sectors(scrape)).containsExactly("C272", "C275");
        assertThat(scrape.value("maturity_sector_score", "sector", "C275", "stat", "mean")).hasValue(2.0);
        assertThat(scrape.value("maturity_programme_candidates", "target", "pioneer")).hasValue(2);
    }

    @Test
    void aSmallerMinimumShowsTheOneMemberSector() {
        PrometheusScrape scrape = scrape(new MetricsAudience(null, new GroupDisclosure(1)));

        assertThat(sectors(scrape)).containsExactly("C272", "C275");
        assertThat(scrape.samples("maturity_enterprise_score")).isEmpty();
    }

    @Test
    void groupSeriesAreWithheldBelowTheMinimumGroupSizeLikeSectorSeries() {
        // district:Pudong has 4 enterprises, district:Minhang 1
        assertThat(groups(scrape(new MetricsAudience(null, MIN_3)))).containsExactly("district:Pudong");
        assertThat(groups(scrape(new MetricsAudience(new Caller("E2"), MIN_3)))).containsExactly("district:Pudong");
        PrometheusScrape regulator = scrape(new MetricsAudience(Caller.aRegulator(), MIN_3));
        assertThat(groups(regulator)).containsExactly("district:Minhang", "district:Pudong");
        assertThat(regulator.value("maturity_group_mean_score", "kind", "district", "group", "district:Minhang"))
                .hasValue(3.0);
    }

    private static Set<String> groups(PrometheusScrape scrape) {
        Set<String> groups = new TreeSet<>();
        scrape.samplesStartingWith("maturity_group_").forEach(sample -> groups.add(sample.labels().get("group")));
        return groups;
    }

    private static Set<String> sectors(PrometheusScrape scrape) {
        Set<String> sectors = new TreeSet<>();
        scrape.samplesStartingWith("maturity_sector_").forEach(sample -> sectors.add(sample.labels().get("sector")));
        return sectors;
    }

    private static PrometheusScrape scrape(MetricsAudience audience) {
        try {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            ExpositionFormats.init().findWriter(MetricsScrape.PROMETHEUS_TEXT).write(text,
                    ConfidentialSeries.visibleTo(audience, snapshots()));
            return PrometheusScrape.parse(text.toString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MetricSnapshots snapshots() {
        return MetricSnapshots.of(
                gauge("maturity_enterprise_score", Map.of(
                        Labels.of("enterprise_id", "E1", "sector", "C272", "view", "verified"), 1.6,
                        Labels.of("enterprise_id", "E2", "sector", "C275", "view", "verified"), 2.0)),
                InfoSnapshot.builder().name("maturity_contradiction").dataPoint(InfoSnapshot.InfoDataPointSnapshot
                        .builder().labels(Labels.of("enterprise_id", "E1", "rule_id", "R-NET-1")).build()).build(),
                CounterSnapshot.builder().name("maturity_alerts").dataPoint(CounterDataPointSnapshot.builder()
                        .labels(Labels.of("enterprise_id", "E1", "kind", "COLD_CHAIN_EXCURSION")).value(1).build())
                        .build(),
                CounterSnapshot.builder().name("maturity_records").dataPoint(CounterDataPointSnapshot.builder()
                        .labels(Labels.of("topic", "quality.event")).value(7).build()).build(),
                gauge("maturity_sector_enterprises", Map.of(
                        Labels.of("sector", "C272", "level", "0"), 1.0, Labels.of("sector", "C272", "level", "1"), 2.0,
                        Labels.of("sector", "C272", "level", "2"), 1.0, Labels.of("sector", "C275", "level", "0"), 0.0,
                        Labels.of("sector", "C275", "level", "2"), 1.0)),
                gauge("maturity_sector_score", Map.of(Labels.of("sector", "C272", "stat", "mean"), 1.6,
                        Labels.of("sector", "C275", "stat", "mean"), 2.0)),
                gauge("maturity_programme_candidates", Map.of(Labels.of("target", "pioneer"), 2.0)),
                gauge("maturity_group_enterprises", Map.of(Labels.of("kind", "district", "group", "district:Pudong"), 4.0,
                        Labels.of("kind", "district", "group", "district:Minhang"), 1.0)),
                gauge("maturity_group_mean_score", Map.of(Labels.of("kind", "district", "group", "district:Pudong"), 2.5,
                        Labels.of("kind", "district", "group", "district:Minhang"), 3.0)));
    }

    private static GaugeSnapshot gauge(String name, Map<Labels, Double> points) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name);
        List.copyOf(points.entrySet()).forEach(point -> builder.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(point.getKey()).value(point.getValue()).build()));
        return builder.build();
    }
}

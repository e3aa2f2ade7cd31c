package org.pharmamaturity.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/** The counters, API metrics and JVM metrics of {@link ServiceMetrics} as a Prometheus scrape shows them. */
class ServiceMetricsTest {

    private static final double EPSILON = 1e-12;

    private final ServiceMetrics metrics = new ServiceMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void countersWithKnownLabelsStartAtZero() {
        PrometheusScrape scrape = PrometheusScrape.parse(metrics.scrape());

        // 10 validated inputs (scenario declarations the tenth); dead letters: (10 inputs + 2 reference topics) x 12
        // reasons (9 of the pipeline, the gateway's MALFORMED_PAYLOAD and UNMAPPED_SOURCE, which stay at 0 here, and
        // LATE); 3 late stages.
        assertThat(scrape.samples("maturity_records_total")).hasSize(10).allMatch(sample -> sample.value() == 0);
        assertThat(scrape.samples("maturity_duplicates_total")).hasSize(10).allMatch(sample -> sample.value() == 0);
        assertThat(scrape.samples("maturity_dead_letters_total")).hasSize(12 * 12).allMatch(sample -> sample.value() == 0);
        assertThat(scrape.samples("maturity_late_records_total")).hasSize(3).allMatch(sample -> sample.value() == 0);
        assertThat(scrape.samples("maturity_reference_waits_total")).hasSize(10).allMatch(sample -> sample.value() == 0);
        assertThat(scrape.value("maturity_records_total", "topic", "assessment.self.submitted")).hasValue(0);
        assertThat(scrape.value("maturity_dead_letters_total", "topic", "ref.equipment", "reason", "OTHER")).hasValue(0);
        assertThat(scrape.value("maturity_late_records_total", "stage", "kpi-coldchain")).hasValue(0);
        // Alerts are labelled by enterprise, which nobody knows in advance.
        assertThat(scrape.samples("maturity_alerts_total")).isEmpty();
    }

    @Test
    void countersCountWhatTheTopologiesReport() {
        PipelineMeters meters = metrics.pipelineMeters();
        meters.accepted("factory.equipment.state");
        meters.accepted("factory.equipment.state");
        meters.deadLetter("factory.equipment.state", DeadLetterReason.NOT_AVRO);
        meters.duplicate("quality.event");
        meters.lateRecord("kpi-equipment");
        meters.referenceWait("assessment.self.submitted");
        meters.alert(AlertKind.COLD_CHAIN_EXCURSION, "E1");
        meters.alert(AlertKind.COLD_CHAIN_EXCURSION, "E1");
        meters.alert(AlertKind.DATA_GAP, "E2");

        PrometheusScrape scrape = PrometheusScrape.parse(metrics.scrape());
        assertThat(scrape.value("maturity_records_total", "topic", "factory.equipment.state")).hasValue(2);
        assertThat(scrape.value("maturity_dead_letters_total", "topic", "factory.equipment.state", "reason", "NOT_AVRO"))
                .hasValue(1);
        assertThat(scrape.value("maturity_duplicates_total", "topic", "quality.event")).hasValue(1);
        assertThat(scrape.value("maturity_late_records_total", "stage", "kpi-equipment")).hasValue(1);
        assertThat(scrape.value("maturity_reference_waits_total", "topic", "assessment.self.submitted")).hasValue(1);
        assertThat(scrape.value("maturity_alerts_total", "kind", "COLD_CHAIN_EXCURSION", "enterprise_id", "E1")).hasValue(2);
        assertThat(scrape.value("maturity_alerts_total", "kind", "DATA_GAP", "enterprise_id", "E2")).hasValue(1);
    }

    @Test
    void apiRequestsAreCountedAndTimedByEndpoint() {
        metrics.apiRequest("/api/v1/enterprises/{id}", 200, Duration.ofMillis(20));
        metrics.apiRequest("/api/v1/enterprises/{id}", 200, Duration.ofMillis(30));
        metrics.apiRequest("/api/v1/enterprises/{id}", 404, Duration.ofMillis(5));

        PrometheusScrape scrape = PrometheusScrape.parse(metrics.scrape());
        String endpoint = "/api/v1/enterprises/{id}";
        assertThat(scrape.value("maturity_api_requests_total", "endpoint", endpoint, "status", "200")).hasValue(2);
        assertThat(scrape.value("maturity_api_requests_total", "endpoint", endpoint, "status", "404")).hasValue(1);
        assertThat(scrape.value("maturity_api_request_duration_seconds_count", "endpoint", endpoint)).hasValue(3);
        // 20 + 30 + 5 ms = 0.055 s.
        assertThat(scrape.value("maturity_api_request_duration_seconds_sum", "endpoint", endpoint).orElseThrow())
                .isCloseTo(0.055, within(EPSILON));
    }

    @Test
    void theScrapeIsTheTextFormatWithJvmMetrics() {
        String text = metrics.scrape();

        assertThat(metrics.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        // OpenMetrics would end with "# EOF" and add _created series.
        assertThat(text).doesNotContain("# EOF").doesNotContain("_created");
        PrometheusScrape scrape = PrometheusScrape.parse(text);
        assertThat(scrape.samples("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(scrape.samples("jvm_threads_live_threads")).hasSize(1);
        assertThat(scrape.samples("process_cpu_usage")).hasSize(1);
    }
}

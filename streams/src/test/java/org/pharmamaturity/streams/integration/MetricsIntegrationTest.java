package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.at;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.MetricsScrape;
import org.pharmamaturity.streams.api.TokenAuthenticator;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.PrometheusScrape;
import org.pharmamaturity.streams.validation.InputSpec;
import org.pharmamaturity.streams.validation.InputSpecs;

/**
 * GET /metrics of a real service on the embedded broker and registry: the README's worked example (the records of
 * producers/examples: EX-E001 and EX-E002 with their self-assessments) sent by real producers, plus a record
 * that is not Avro, a resent assessment, a cold-chain excursion and a late reading. Every series of the metrics
 * contract shows the value worked out by hand below. The application starts at the current end of the input
 * topics, so the records other tests of this JVM left there do not count.
 */
@Tag("integration")
class MetricsIntegrationTest {

    // Generous: the wait ends as soon as the scenario has settled, and a loaded CI machine starts slowly.
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final double EPSILON = 1e-9;
    private static final String E1 = "EX-E001";
    private static final String E2 = "EX-E002";
    /** An enterprise with a shipment but no self-assessment: KPIs and alerts, but no maturity result. */
    private static final String E3 = "EX-E003";
    private static final String SHIPMENT = "EX-SHIP-1";

    /** Prometheus scrapes with a regulator's token. */
    private static final String REGULATOR_TOKEN = "regulator-" + UUID.randomUUID();

    private final String applicationId = "it-metrics-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theScrapeShowsTheWorkedExample(@TempDir Path stateDir) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        startAtTheEndOfTheInputs(topics);
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            // producers/examples/enterprises.csv; EX-E003 only carries the shipment.
            producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), E1, enterprise(E1, "C276")));
            producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), E2, Enterprise.newBuilder(
                    enterprise(E2, "C358")).setManufacturingType(ManufacturingType.DISCRETE).build()));
            producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), E3, enterprise(E3, "C272")));
            producer.flush();
        }
        try (MaturityStreamsService service = MaturityStreamsService.start(settings(topics, stateDir));
                KafkaProducer<String, SpecificRecord> producer = topics.producer();
                KafkaProducer<byte[], byte[]> raw = topics.rawProducer()) {
            // producers/examples/assessment.json and assessment.csv.
            SelfAssessmentSubmission first = assessment(E1, "EX-SA-2026-E001", "2026-03-01T09:00:00Z",
                    Map.of("STR-L1-01", Grade.FULL, "STR-L1-02", Grade.LARGELY));
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, E1, first, "2026-03-01T09:00:00Z");
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, E2, assessment(E2, "EX-SA-2026-E002",
                    "2026-03-02T09:00:00Z", Map.of("STR-L1-01", Grade.FULL, "STR-L1-02", Grade.PARTLY,
                            "STR-L2-01", Grade.NONE)), "2026-03-02T09:00:00Z");
            // Resent: same eventId, a duplicate.
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, E1, first, "2026-03-02T10:00:00Z");
            raw.send(new ProducerRecord<>(Topic.FACTORY_EQUIPMENT_STATE.name(), null,
                    at("2026-03-01T00:00:00Z").toEpochMilli(), "EX-E003-EQ".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
            // 9.5 °C leaves the 2-8 °C label: one excursion alert. The 02:00 reading moves the stream time past
            // the end of 2026-03-01 plus the 1 h grace, so the 23:00 reading of that day comes too late.
            for (String[] reading : List.of(new String[] {"2026-03-01T10:00:00Z", "9.5"},
                    new String[] {"2026-03-02T02:00:00Z", "5.0"}, new String[] {"2026-03-01T23:00:00Z", "5.0"})) {
                send(producer, Topic.LOGISTICS_COLDCHAIN_READING, SHIPMENT, transport(SHIPMENT, E3, reading[0],
                        Double.parseDouble(reading[1])), reading[0]);
            }
            producer.flush();
            raw.flush();

            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertSettled(service));
            // Through HTTP, as Prometheus scrapes it: with a regulator's token.
            HttpResponse<String> response = scrapeOverHttp(service, REGULATOR_TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsScrape.PROMETHEUS_TEXT);
            String text = response.body();
            assertPublicScrape(scrapeOverHttp(service, null));
            // Kept for the dashboard work, whose queries must use names seen in a real scrape.
            Files.writeString(Path.of("target", "metrics-scrape.txt"), text);
            PrometheusScrape scrape = PrometheusScrape.parse(text);

            assertPipelineCounters(scrape);
            assertEnterprises(scrape);
            assertSectors(scrape);
            assertThat(scrape.value("maturity_streams_state", "state", KafkaStreams.State.RUNNING.name())).hasValue(1);
            assertThat(scrape.value("maturity_streams_state", "state", KafkaStreams.State.REBALANCING.name())).hasValue(0);
            assertThat(scrape.samples("maturity_streams_state")).hasSize(KafkaStreams.State.values().length)
                    .filteredOn(sample -> sample.value() == 1).hasSize(1);
            // The Kafka Streams client metrics, bound by Micrometer's KafkaStreamsMetrics.
            assertThat(scrape.samples("kafka_stream_thread_process_rate")).isNotEmpty();
            assertThat(scrape.samples("kafka_stream_thread_commit_latency_avg")).isNotEmpty();
            // What the stream-thread alert of the dashboards uses: one thread (Kafka Streams' default), none failed.
            assertThat(scrape.samples("kafka_stream_alive_stream_threads")).singleElement()
                    .extracting(PrometheusScrape.Sample::value).isEqualTo(1.0);
            assertThat(scrape.samples("kafka_stream_failed_stream_threads_total")).singleElement()
                    .extracting(PrometheusScrape.Sample::value).isEqualTo(0.0);
            assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
            assertThat(scrape.samplesStartingWith("kafka_producer_")).isNotEmpty();
            assertThat(scrape.samples("jvm_memory_used_bytes")).isNotEmpty();
        }
    }

    /**
     * Without credentials: the pipeline's health, no series naming an enterprise, and no sector statistics, since
     * every group here is below the minimum group size of 3 (ALL has 2 enterprises, C276 and C358 one each).
     */
    private static void assertPublicScrape(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        String text = response.body();
        assertThat(text).doesNotContain("enterprise_id").doesNotContain(E1).doesNotContain(E2).doesNotContain(E3)
                .doesNotContain("maturity_sector_").doesNotContain("maturity_contradiction_info")
                .doesNotContain("maturity_kpi");
        PrometheusScrape scrape = PrometheusScrape.parse(text);
        assertThat(scrape.value("maturity_records_total", "topic", Topic.ASSESSMENT_SELF_SUBMITTED.name())).hasValue(3);
        assertThat(scrape.value("maturity_dead_letters_total", "topic", Topic.FACTORY_EQUIPMENT_STATE.name(),
                "reason", "NOT_AVRO")).hasValue(1);
        assertThat(scrape.value("maturity_late_records_total", "stage", "kpi-coldchain")).hasValue(1);
        assertThat(scrape.value("maturity_streams_state", "state", KafkaStreams.State.RUNNING.name())).hasValue(1);
        assertThat(scrape.samples("kafka_stream_thread_process_rate")).isNotEmpty();
        assertThat(scrape.samples("jvm_memory_used_bytes")).isNotEmpty();
    }

    private static HttpResponse<String> scrapeOverHttp(MaturityStreamsService service, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.api().port() + "/metrics"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Everything the scenario does has reached the stores and counters (the message shows what has not). */
    private static void assertSettled(MaturityStreamsService service) {
        PrometheusScrape scrape = PrometheusScrape.parse(service.metrics().scrape());
        Map<String, Double> progress = new java.util.TreeMap<>();
        // Each sector is published by the task that owns its key, on that task's publication punctuator: wait for all.
        progress.put("ALL level 0", scrape.value("maturity_sector_enterprises", "sector", "ALL", "level", "0").orElse(-1));
        progress.put("C276 published", (double) scrape.value("maturity_sector_score", "sector", "C276", "stat", "mean")
                .stream().count());
        progress.put("C358 level 0", scrape.value("maturity_sector_enterprises", "sector", "C358", "level", "0").orElse(-1));
        progress.put("late", scrape.value("maturity_late_records_total", "stage", "kpi-coldchain").orElse(-1));
        progress.put("alerts", scrape.value("maturity_alerts_total", "kind", "COLD_CHAIN_EXCURSION", "enterprise_id", E3)
                .orElse(-1));
        progress.put("duplicates", scrape.value("maturity_duplicates_total", "topic",
                Topic.ASSESSMENT_SELF_SUBMITTED.name()).orElse(-1));
        progress.put("dead letters", scrape.value("maturity_dead_letters_total", "topic",
                Topic.FACTORY_EQUIPMENT_STATE.name(), "reason", "NOT_AVRO").orElse(-1));
        progress.put("running", service.streams().state() == KafkaStreams.State.RUNNING ? 1.0 : 0.0);
        assertThat(progress).as("scenario progress").containsExactlyInAnyOrderEntriesOf(Map.of("ALL level 0", 2.0,
                "C276 published", 1.0, "C358 level 0", 1.0, "late", 1.0, "alerts", 1.0, "duplicates", 1.0, "dead letters", 1.0, "running", 1.0));
    }

    private static void assertPipelineCounters(PrometheusScrape scrape) {
        // Accepted: three assessments (the resent one is accepted, then dropped as a duplicate), three readings.
        assertThat(scrape.value("maturity_records_total", "topic", Topic.ASSESSMENT_SELF_SUBMITTED.name())).hasValue(3);
        assertThat(scrape.value("maturity_records_total", "topic", Topic.LOGISTICS_COLDCHAIN_READING.name())).hasValue(3);
        assertThat(scrape.value("maturity_records_total", "topic", Topic.FACTORY_EQUIPMENT_STATE.name())).hasValue(0);
        assertThat(scrape.samples("maturity_records_total").stream().mapToDouble(PrometheusScrape.Sample::value).sum())
                .isEqualTo(6);
        assertThat(scrape.value("maturity_duplicates_total", "topic", Topic.ASSESSMENT_SELF_SUBMITTED.name())).hasValue(1);
        assertThat(scrape.samples("maturity_duplicates_total").stream().mapToDouble(PrometheusScrape.Sample::value).sum())
                .isEqualTo(1);
        assertThat(scrape.value("maturity_dead_letters_total", "topic", Topic.FACTORY_EQUIPMENT_STATE.name(),
                "reason", "NOT_AVRO")).hasValue(1);
        // The late reading is dead-lettered too (reason LATE): 1 NOT_AVRO + 1 LATE.
        assertThat(scrape.value("maturity_dead_letters_total", "topic", Topic.LOGISTICS_COLDCHAIN_READING.name(),
                "reason", "LATE")).hasValue(1);
        assertThat(scrape.samples("maturity_dead_letters_total").stream().mapToDouble(PrometheusScrape.Sample::value)
                .sum()).isEqualTo(2);
        assertThat(scrape.value("maturity_late_records_total", "stage", "kpi-coldchain")).hasValue(1);
        assertThat(scrape.value("maturity_late_records_total", "stage", "kpi-equipment")).hasValue(0);
        // First results raise no LEVEL_CHANGE and there is no contradiction: the excursion is the only alert.
        assertThat(scrape.samples("maturity_alerts_total")).hasSize(1);
        assertThat(scrape.value("maturity_alerts_total", "kind", "COLD_CHAIN_EXCURSION", "enterprise_id", E3)).hasValue(1);
    }

    private static void assertEnterprises(PrometheusScrape scrape) {
        // README: W(people.strategy) = 1/8 and the level-1 sub-domains weigh 107/120 together.
        // EX-E001: D = (1 + 0.8) / 2 = 0.9, L1 = (0.9 / 8) / (107 / 120) = 13.5 / 107; S = L1, level 0.
        // EX-E002: D = (1 + 0.5) / 2 = 0.75, L1 = 11.25 / 107; level 0. No telemetry: verified = declared.
        for (String view : List.of("declared", "verified")) {
            assertThat(value(scrape, "maturity_enterprise_score", "enterprise_id", E1, "sector", "C276", "view", view))
                    .isCloseTo(13.5 / 107, within(EPSILON));
            assertThat(value(scrape, "maturity_enterprise_score", "enterprise_id", E2, "sector", "C358", "view", view))
                    .isCloseTo(11.25 / 107, within(EPSILON));
            assertThat(value(scrape, "maturity_enterprise_level", "enterprise_id", E1, "sector", "C276", "view", view))
                    .isZero();
            assertThat(value(scrape, "maturity_enterprise_level_score", "enterprise_id", E1, "sector", "C276",
                    "view", view, "level", "1")).isCloseTo(13.5 / 107, within(EPSILON));
            // Nothing above level 1 is met: STR-L2-01 etc. count as NONE.
            assertThat(value(scrape, "maturity_enterprise_level_score", "enterprise_id", E2, "sector", "C358",
                    "view", view, "level", "2")).isZero();
        }
        // people.strategy has one requirement at each of levels 2-5, all NONE: mean over the 5 levels.
        // EX-E001: (0.9 + 0 + 0 + 0 + 0) / 5 = 0.18; EX-E002: 0.75 / 5 = 0.15.
        assertThat(value(scrape, "maturity_enterprise_subdomain_score", "enterprise_id", E1, "sector", "C276",
                "sub_domain", "people.strategy")).isCloseTo(0.18, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_subdomain_score", "enterprise_id", E2, "sector", "C358",
                "sub_domain", "people.strategy")).isCloseTo(0.15, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_subdomain_score", "enterprise_id", E1, "sector", "C276",
                "sub_domain", "people.skills")).isZero();
        for (String[] enterprise : List.of(new String[] {E1, "C276"}, new String[] {E2, "C358"})) {
            String[] labels = {"enterprise_id", enterprise[0], "sector", enterprise[1]};
            assertThat(value(scrape, "maturity_enterprise_contradictions", labels)).isZero();
            // No KPI has coverage, so no rule speaks: 0 spoken of the scored requirements, 0 confirmed.
            assertThat(value(scrape, "maturity_enterprise_evidence_coverage", labels)).isZero();
            assertThat(value(scrape, "maturity_enterprise_confirmation_ratio", labels)).isZero();
        }
        // asOf is the assessment's eventTime: 2026-03-01T09:00Z = (20513 days x 86400 + 9 x 3600) s; one day later.
        assertThat(value(scrape, "maturity_enterprise_last_update_seconds", "enterprise_id", E1, "sector", "C276"))
                .isEqualTo(1_772_355_600);
        assertThat(value(scrape, "maturity_enterprise_last_update_seconds", "enterprise_id", E2, "sector", "C358"))
                .isEqualTo(1_772_355_600 + 86_400);
        assertThat(scrape.samples("maturity_contradiction_info")).isEmpty();
        // EX-E003 has no self-assessment, so no result; the README enterprises have no KPI inputs.
        assertThat(scrape.samples("maturity_enterprise_score")).hasSize(2 * 2);
        assertThat(scrape.samples("maturity_kpi")).noneMatch(sample -> sample.labels().get("enterprise_id").equals(E1)
                || sample.labels().get("enterprise_id").equals(E2));
    }

    private static void assertSectors(PrometheusScrape scrape) {
        // ALL: mean = median of two = (13.5 + 11.25) / 2 / 107 = 12.375 / 107; the declared mean is the same.
        for (String stat : List.of("mean", "median", "declared_mean")) {
            assertThat(value(scrape, "maturity_sector_score", "sector", "ALL", "stat", stat))
                    .isCloseTo(12.375 / 107, within(EPSILON));
            assertThat(value(scrape, "maturity_sector_score", "sector", "C276", "stat", stat))
                    .isCloseTo(13.5 / 107, within(EPSILON));
        }
        assertThat(value(scrape, "maturity_sector_ratio", "sector", "ALL", "ratio", "at_least_level2")).isZero();
        assertThat(value(scrape, "maturity_sector_ratio", "sector", "ALL", "ratio", "contradiction_rate")).isZero();
        assertThat(value(scrape, "maturity_sector_enterprises", "sector", "ALL", "level", "0")).isEqualTo(2);
        assertThat(value(scrape, "maturity_sector_enterprises", "sector", "ALL", "level", "1")).isZero();
        assertThat(value(scrape, "maturity_sector_enterprises", "sector", "C358", "level", "0")).isEqualTo(1);
        // people.strategy: (0.18 + 0.15) / 2 = 0.165 over ALL; 0.18 in C276.
        assertThat(value(scrape, "maturity_sector_subdomain_score", "sector", "ALL", "sub_domain", "people.strategy"))
                .isCloseTo(0.165, within(EPSILON));
        assertThat(value(scrape, "maturity_sector_subdomain_score", "sector", "C276", "sub_domain", "people.strategy"))
                .isCloseTo(0.18, within(EPSILON));
        // EX-E003 has no result, so its sector C272 has no statistics.
        assertThat(scrape.samples("maturity_sector_score").stream().map(sample -> sample.labels().get("sector"))
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("ALL", "C276", "C358");
    }

    private static double value(PrometheusScrape scrape, String name, String... labels) {
        return scrape.value(name, labels).orElseThrow(() -> new AssertionError("no series " + name
                + List.of(labels) + " in the scrape"));
    }

    /**
     * Sends with the event time as Kafka timestamp: the tasks' stream time comes from the source timestamps, and
     * the producer's clock (months after the events) would make every reading late.
     */
    private static <V extends SpecificRecord> void send(KafkaProducer<String, SpecificRecord> producer, Topic<V> topic,
            String key, V value, String eventTime) {
        producer.send(new ProducerRecord<>(topic.name(), null, at(eventTime).toEpochMilli(), key, value));
    }

    /** Commits the current end of every input topic for the application, which then starts there. */
    private void startAtTheEndOfTheInputs(EmbeddedTopics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", topics.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(applicationId, ends(admin, InputSpecs.ALL.stream().map(InputSpec::topic)
                    .map(Topic::name).toList())).all().get();
            // The reference audit too (its own application), so that it does not count what other tests on the shared
            // broker sent before: a bad title of the programme test, for one.
            admin.alterConsumerGroupOffsets(applicationId + ServiceSettings.REFERENCE_AUDIT_SUFFIX, ends(admin, List.of(
                    Topic.REF_ENTERPRISE.name(), Topic.REF_EQUIPMENT.name(), Topic.REF_TITLE.name()))).all().get();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> ends(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(partition -> latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition,
                new OffsetAndMetadata(end.offset())));
        return ends;
    }

    private ServiceSettings settings(EmbeddedTopics topics, Path stateDir) throws java.io.IOException {
        Map<String, String> settings = topics.serviceSettings(applicationId, stateDir);
        // The default grace (1 h), so the scenario's late reading is late; it starts at the end of the inputs, so
        // other tests' events do not move its clock.
        settings.remove(ServiceSettings.KPI_GRACE);
        settings.remove(ServiceSettings.DEDUP_HORIZON);
        settings.put(ServiceSettings.API_TOKENS, TokenAuthenticator.hash(REGULATOR_TOKEN) + " regulator");
        // No close margin: the late reading follows the 02:00 one within milliseconds, which the default margin
        // (issue 17, OrderRaceTest) would still count.
        settings.put(ServiceSettings.KPI_CLOSE_MARGIN, "PT0S");
        return ServiceSettings.of(settings);
    }
}

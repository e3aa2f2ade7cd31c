package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;

/**
 * The README's walk-through, as a new user does it: start the local stack, ingest the example files of
 * {@code producers/examples} with the producers CLI, read the scores the pipeline publishes, and submit again
 * through the API with the example enterprise's own token (the README's curl lines; the arithmetic is in
 * {@code docs/worked-example.md}).
 */
@Tag("integration")
class ReadmeExampleTest {

    private static final double TOLERANCE = 1e-9;
    /** EX-E001's S under cmmm-process-v1 (see the arithmetic in the test). */
    static final double E001 = 21.0 / 604;
    /** EX-E002's S under cmmm-discrete-v1. */
    static final double E002 = 3.0 / 104;

    /** The body of the README's curl submission, as written there. */
    private static final String README_SUBMISSION = """
            {"modelVersion":"cmmm-2020-reference","answers":[{"requirementId":"STR-L1-01","grade":"FULL"},
                   {"requirementId":"STR-L1-02","grade":"LARGELY"}]}""";

    @TempDir
    Path data;

    @Test
    void theExampleFilesGiveTheDocumentedScores() throws Exception {
        LocalStackSettings settings = LocalStackSettings.fromArgs("--data-dir=" + data, "--simulator-rate=0",
                "--kafka-port=" + LoopbackPorts.freePort(), "--kafka-controller-port=" + LoopbackPorts.freePort(),
                "--registry-port=" + LoopbackPorts.freePort(), "--registry-management-port=" + LoopbackPorts.freePort(),
                "--api-port=" + LoopbackPorts.freePort());
        try (LocalStack stack = LocalStack.start(settings)) {
            ExampleFiles.ingest(stack, List.of(), "enterprises", "enterprises.csv");
            ExampleFiles.ingest(stack, List.of(), "equipment", "equipment.csv");
            ExampleFiles.ingest(stack, List.of(), "assessments", "assessment.json", "assessment.csv");

            Map<String, EnterpriseMaturity> enterprises = latestByKey(stack, Topic.MATURITY_ENTERPRISE.name(),
                    EnterpriseMaturity.class, latest -> latest.size() == 2);
            Map<String, SectorMaturity> sectors = latestByKey(stack, Topic.MATURITY_SECTOR.name(), SectorMaturity.class,
                    // Each sector is published by the task that owns its key, on that task's publication punctuator.
                    latest -> latest.containsKey("ALL") && latest.get("ALL").getEnterprises() == 2
                            && latest.containsKey("C276"));

            // Each enterprise is scored with the model of its manufacturing type. Organisation & strategy weighs 7 %
            // in both, shared by people.strategy and people.skills: W(people.strategy) = 0.035. Level 1 has
            // requirements in 18 sub-domains: all but technology.integration (process 0.24 / 5 = 0.048, discrete
            // 0.15 / 5 = 0.03) and manufacturing.service.product (process 0.23 / 5 = 0.046, discrete 0.30 / 5 = 0.06),
            // so their weights add up to 0.906 (process) and 0.91 (discrete). Only STR-L1-01 and STR-L1-02 are
            // answered; everything else counts as NONE.
            // EX-E001 (PROCESS): FULL + LARGELY -> D = (1 + 0.8) / 2 = 0.9; L1 = 0.035 x 0.9 / 0.906 = 0.0315 / 0.906
            //          = 21 / 604 = 0.034768...; below the pass mark, so S = L1 (rule A) and the level is 0.
            // EX-E002 (DISCRETE): FULL + PARTLY -> D = 0.75; L1 = 0.035 x 0.75 / 0.91 = 0.02625 / 0.91 = 3 / 104
            //          = 0.028846...; level 0.
            // No telemetry yet, so no evidence rule has coverage: verified = declared.
            assertScores(enterprises.get("EX-E001"), E001);
            assertScores(enterprises.get("EX-E002"), E002);
            assertThat(enterprises.get("EX-E001").getModelVersion()).isEqualTo("cmmm-process-v1");
            assertThat(enterprises.get("EX-E002").getModelVersion()).isEqualTo("cmmm-discrete-v1");
            assertThat(enterprises.get("EX-E001").getSector()).isEqualTo("C276");
            assertThat(enterprises.get("EX-E002").getSector()).isEqualTo("C358");

            // ALL: mean = median of two = (21 / 604 + 3 / 104) / 2 = 0.031807...; both at level 0.
            SectorMaturity all = sectors.get("ALL");
            assertThat(all.getMeanScore()).isCloseTo((E001 + E002) / 2, within(TOLERANCE));
            assertThat(all.getMedianScore()).isCloseTo((E001 + E002) / 2, within(TOLERANCE));
            assertThat(all.getLevelDistribution()).containsEntry("0", 2);
            assertThat(sectors.get("C276").getMeanScore()).isCloseTo(E001, within(TOLERANCE));

            // The same numbers through the REST API, with the regulator token the local run printed.
            String regulator = stack.apiTokens().get("regulator");
            assertThat(get(stack, "/api/v1/enterprises/EX-E001", regulator).path("verified").path("score").asDouble())
                    .isCloseTo(E001, within(TOLERANCE));
            assertThat(get(stack, "/api/v1/sectors/ALL", regulator).path("meanScore").asDouble())
                    .isCloseTo((E001 + E002) / 2, within(TOLERANCE));

            // The README's submission: EX-E001, with its own token, sends the answers of assessment.json again.
            HttpResponse<String> submitted = post(stack, "/api/v1/assessments",
                    stack.apiTokens().get("enterprise:EX-E001"), README_SUBMISSION);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            // Submitted now, so its result's asOf is later than every example file's time (latest 2026-03-02T09:00Z).
            JsonNode resubmitted = await().atMost(Duration.ofMinutes(2)).until(
                    () -> get(stack, "/api/v1/enterprises/EX-E001", regulator),
                    result -> Instant.parse(result.path("asOf").asText()).isAfter(Instant.parse("2026-03-02T09:00:00Z")));
            // The same answers give the same S: 21 / 604.
            assertThat(resubmitted.path("verified").path("score").asDouble()).isCloseTo(E001, within(TOLERANCE));
            assertThat(resubmitted.path("declared").path("score").asDouble()).isCloseTo(E001, within(TOLERANCE));
        }
    }

    private static HttpResponse<String> post(LocalStack stack, String path, String token, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(LocalStack stack, String path, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.apiUrl() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static void assertScores(EnterpriseMaturity maturity, double expectedScore) {
        assertThat(maturity.getDeclared().getScore()).isCloseTo(expectedScore, within(TOLERANCE));
        assertThat(maturity.getDeclared().getLevel()).isZero();
        assertThat(maturity.getVerified().getScore()).isCloseTo(expectedScore, within(TOLERANCE));
        assertThat(maturity.getVerified().getLevel()).isZero();
    }

    /** The latest committed value per key, read until {@code done} holds or two minutes have passed. */
    private static <V extends SpecificRecord> Map<String, V> latestByKey(LocalStack stack, String topic, Class<V> type,
                                                                        Predicate<Map<String, V>> done) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "readme-example-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("schema.registry.url", stack.registryUrl());
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, type.getName());
        Map<String, V> latest = new HashMap<>();
        // Kafka configures only the deserializers it creates itself.
        AvroDeserializer<V> values = new AvroDeserializer<>();
        values.configure(config, false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!done.test(latest) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }
}

package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.title;
import static org.pharmamaturity.streams.testing.TestRecords.titleKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.TokenAuthenticator;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.testing.Answers;

/**
 * Titles and enterprises through Kafka to {@code GET /api/v1/programme} on the embedded broker and registry. The
 * broker is shared by the test JVM, so the programme also counts other tests' enterprises: the assertions are about
 * this run's ids. With the reference model and no KPIs (verified = declared, no contradiction): P1 answers every
 * requirement up to level 3 FULL (S = 1 + 1 + 1 = 3, level 3: a pioneer candidate), P2 up to level 2 (S = 2,
 * level 2: one level short, a close pioneer), P3 up to level 1 (S = 1, level 1: neither).
 */
@Tag("integration")
class ProgrammeIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SCENARIO = "production-operations.equipment-monitoring";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String p1 = "P1-" + run;
    private final String p2 = "P2-" + run;
    private final String p3 = "P3-" + run;
    private final String regulatorToken = "regulator-" + UUID.randomUUID();
    private final String tokenP1 = "p1-" + UUID.randomUUID();

    @Test
    void theRegulatorSeesAwardsAndCandidatesAndAnAwardIsRevoked(@TempDir Path stateDir) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        TitleAward pioneer = title(p1, Title.PIONEER_ENTERPRISE, null, null);
        TitleAward scenario = title(p2, Title.TYPICAL_SCENARIO, SCENARIO, LocalDate.parse("2099-12-31"));
        TitleAward expired = title(p3, Title.BENCHMARK_SMART_FACTORY, null, LocalDate.parse("2020-12-31"));
        TitleAward unknownScenario = title(p3, Title.TYPICAL_SCENARIO, "no-such-scenario", null);
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            for (String id : List.of(p1, p2, p3)) {
                producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), id, enterprise(id, "C272")));
            }
            producer.send(new ProducerRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED.name(), p1,
                    assessment(p1, "S1", "2025-03-01T00:00:00Z", Answers.fullUpTo(3))));
            producer.send(new ProducerRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED.name(), p2,
                    assessment(p2, "S2", "2025-03-01T00:00:00Z", Answers.fullUpTo(2))));
            producer.send(new ProducerRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED.name(), p3,
                    assessment(p3, "S3", "2025-03-01T00:00:00Z", Answers.fullUpTo(1))));
            for (TitleAward award : List.of(pioneer, scenario, expired, unknownScenario)) {
                producer.send(new ProducerRecord<>(Topic.REF_TITLE.name(), titleKey(award), award));
            }
            producer.flush();
        }
        Map<String, String> settings = topics.serviceSettings("it-programme-" + run, stateDir);
        settings.put(ServiceSettings.API_TOKENS, TokenAuthenticator.hash(regulatorToken) + " regulator,"
                + TokenAuthenticator.hash(tokenP1) + " enterprise:" + p1);
        try (MaturityStreamsService service = MaturityStreamsService.start(ServiceSettings.of(settings),
                new CountingPipelineMeters())) {
            ApiClient api = new ApiClient(service.api().port());
            // Titles and assessments reach the programme on different partitions and tasks, so every awaited fact
            // is asserted together until all hold.
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode progress = programme(api);
                assertThat(progress.path("programmeId").asText()).isEqualTo("shanghai-pharma");
                // the default targets
                assertThat(progress.path("benchmark").path("target").asInt()).isEqualTo(10);
                assertThat(progress.path("pioneer").path("target").asInt()).isEqualTo(30);
                assertThat(progress.path("scenario").path("target").asInt()).isEqualTo(100);
                JsonNode pioneers = progress.path("pioneer");
                assertThat(texts(pioneers.path("awardedIds"))).contains(p1);
                assertThat(texts(pioneers.path("candidateIds"))).contains(p1).doesNotContain(p2, p3);
                assertThat(texts(pioneers.path("closeCandidateIds"))).contains(p2).doesNotContain(p1, p3);
                assertThat(pioneers.path("awarded").asInt()).isEqualTo(pioneers.path("awardedIds").size());
                assertThat(texts(progress.path("scenario").path("awardedIds"))).contains(p2 + "|" + SCENARIO)
                        .noneMatch(id -> id.startsWith(p3));
                // P3's benchmark title expired on 2020-12-31
                assertThat(texts(progress.path("benchmark").path("awardedIds"))).doesNotContain(p3);
            });

            assertThat(api.get("/api/v1/programme", tokenP1).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/programme", null).status()).isEqualTo(401);

            List<ConsumerRecord<String, DeadLetter>> letters = topics.records(Topic.MATURITY_DLQ,
                    key -> key.equals(titleKey(unknownScenario)), records -> !records.isEmpty(), WAIT);
            assertThat(letters.get(0).value().getReason()).isEqualTo(DeadLetterReason.INVALID_VALUE);

            try (KafkaProducer<byte[], byte[]> raw = topics.rawProducer()) {
                raw.send(new ProducerRecord<>(Topic.REF_TITLE.name(), titleKey(pioneer).getBytes(
                        StandardCharsets.UTF_8), null));
                raw.flush();
            }
            await().atMost(WAIT).until(() -> !texts(programme(api).path("pioneer").path("awardedIds")).contains(p1));
        }
    }

    private JsonNode programme(ApiClient api) {
        ApiClient.Answer answer = api.get("/api/v1/programme", regulatorToken);
        return answer.status() == 200 ? answer.json() : MissingNode.getInstance();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

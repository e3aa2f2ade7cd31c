package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.TokenAuthenticator;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.Answers;

/**
 * Two instances of one application (same application.id, own state directory and port): each answers for an
 * enterprise whose result only the other holds, through the other, and the list merges both.
 */
@Tag("integration")
class TwoInstanceApiTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Enterprise ids to choose from: with two instances, each holds some of them (all on one: 2 in 2^16). */
    private static final int CANDIDATES = 16;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String token = "regulator-" + UUID.randomUUID();

    @Test
    void eachInstanceAnswersForKeysTheOtherHolds(@TempDir Path work) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        // Reference data first, so the global stores hold every candidate before its assessment is validated.
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            for (int i = 0; i < CANDIDATES; i++) {
                producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), candidate(i), enterprise(candidate(i),
                        "T-" + run)));
            }
            producer.flush();
        }
        try (MaturityStreamsService first = MaturityStreamsService.start(settings(topics, work, "one"),
                new CountingPipelineMeters());
                MaturityStreamsService second = MaturityStreamsService.start(settings(topics, work, "two"),
                        new CountingPipelineMeters())) {
            await().atMost(WAIT).until(() -> first.streams().state() == KafkaStreams.State.RUNNING
                    && second.streams().state() == KafkaStreams.State.RUNNING
                    && first.streams().metadataForAllStreamsClients().size() == 2);
            HostInfo firstHost = new HostInfo("127.0.0.1", first.api().port());
            String heldByFirst = enterpriseHeldBy(first, firstHost, true);
            String heldBySecond = enterpriseHeldBy(first, firstHost, false);
            try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
                for (String id : List.of(heldByFirst, heldBySecond)) {
                    // Level 1 FULL only: L1 = 1, L2 = 0 < 0.8, so S = 1 + 0 = 1, level 1.
                    producer.send(new ProducerRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED.name(), id,
                            assessment(id, "S-" + id, "2025-03-01T00:00:00Z", Answers.fullUpTo(1))));
                }
                producer.flush();
            }
            ApiClient one = new ApiClient(first.api().port());
            ApiClient two = new ApiClient(second.api().port());
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(holder(first, heldBySecond)).isNotEqualTo(firstHost);
                assertThat(holder(first, heldByFirst)).isEqualTo(firstHost);
                ApiClient.Answer viaFirst = one.get("/api/v1/enterprises/" + heldBySecond, token);
                assertThat(viaFirst.status()).as(viaFirst.body()).isEqualTo(200);
                assertThat(viaFirst.json().path("verified").path("score").asDouble()).isCloseTo(1.0, within(1e-12));
                ApiClient.Answer viaSecond = two.get("/api/v1/enterprises/" + heldByFirst, token);
                assertThat(viaSecond.status()).as(viaSecond.body()).isEqualTo(200);
                assertThat(viaSecond.json().path("verified").path("level").asInt()).isEqualTo(1);
                // Asked as a forwarded request, an instance answers only from its own stores: the key is not there.
                assertThat(one.get("/api/v1/enterprises/" + heldBySecond, token, "X-Maturity-Forwarded", "true")
                        .status()).isEqualTo(404);
                assertThat(two.get("/api/v1/enterprises/" + heldByFirst, token, "X-Maturity-Forwarded", "true")
                        .status()).isEqualTo(404);
                for (ApiClient client : List.of(one, two)) {
                    assertThat(client.get("/api/v1/enterprises?sector=T-" + run, token).json().path("items")
                            .findValuesAsText("enterpriseId")).containsExactlyInAnyOrder(heldByFirst, heldBySecond);
                }
            });
        }
    }

    /** A candidate whose maturity result lives on the first instance ({@code onFirst}) or on the other. */
    private String enterpriseHeldBy(MaturityStreamsService first, HostInfo firstHost, boolean onFirst) {
        for (int i = 0; i < CANDIDATES; i++) {
            if (holder(first, candidate(i)).equals(firstHost) == onFirst) {
                return candidate(i);
            }
        }
        throw new AssertionError("none of " + CANDIDATES + " candidates is held by the "
                + (onFirst ? "first" : "second") + " instance; the tasks are not spread over both");
    }

    private String candidate(int i) {
        return "T" + i + "-" + run;
    }

    private static HostInfo holder(MaturityStreamsService service, String enterpriseId) {
        return service.streams().queryMetadataForKey(StoreNames.MATURITY_ENTERPRISE_LATEST, enterpriseId,
                Serdes.String().serializer()).activeHost();
    }

    private ServiceSettings settings(EmbeddedTopics topics, Path work, String instance) throws java.io.IOException {
        Map<String, String> settings = topics.serviceSettings("it-api-two-" + run, work.resolve("instance-" + instance));
        settings.put(ServiceSettings.API_TOKENS, TokenAuthenticator.hash(token) + " regulator");
        return ServiceSettings.of(settings);
    }
}

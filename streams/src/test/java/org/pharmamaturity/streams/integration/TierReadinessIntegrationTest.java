package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.TokenAuthenticator;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.testing.TwoPlants;

/**
 * The two plants of {@link TwoPlants} (PROCESS and DISCRETE, one sector) through the service on the embedded broker
 * and registry with its default models per type: the API serves each one's model version, levels, scenarios and
 * tier readiness exactly as computed by hand in TierReadinessTopologyTest (the sector benchmarks of rightFirstTime,
 * read back from maturity.sector, are 0.625 / 0.75 / 0.875).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class TierReadinessIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "T-" + run + "-";
    private final String sector = "T-" + run;
    private final String regulatorToken = "regulator-" + UUID.randomUUID();
    private MaturityStreamsService service;
    private ApiClient api;

    @BeforeAll
    void startServiceAndFeedIt(@TempDir Path stateDir) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        Map<String, String> settings = topics.serviceSettings("it-tiers-" + run, stateDir);
        // the service's defaults: each manufacturing type scored with its built-in model
        settings.put(ServiceSettings.MODEL_PROCESS, ModelLoader.PROCESS_MODEL);
        settings.put(ServiceSettings.MODEL_DISCRETE, ModelLoader.DISCRETE_MODEL);
        // re-score soon after the sector's benchmarks change
        settings.put(ServiceSettings.CHECK_INTERVAL, "PT1S");
        settings.put(ServiceSettings.API_TOKENS, TokenAuthenticator.hash(regulatorToken) + " regulator");
        service = MaturityStreamsService.start(ServiceSettings.of(settings), new CountingPipelineMeters());
        api = new ApiClient(service.api().port());
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            for (TwoPlants.Input input : TwoPlants.inputs(prefix, sector)) {
                producer.send(new ProducerRecord<>(input.topic().name(), input.key(), input.value()));
            }
            producer.flush();
        }
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theProcessPlantIsServedAsComputedByHand() {
        JsonNode p = awaitBasicUnmet(prefix + "P", List.of("oee: no sector reference yet",
                "energyPerUnit: no sector reference yet"));
        assertThat(p.path("modelVersion").asText()).isEqualTo("cmmm-process-v1");
        // levels 1 and 2 FULL, nothing capped: S = 1 + 1 + 0 = 2, level 2
        assertThat(p.path("verified").path("score").asDouble()).isEqualTo(2.0);
        assertThat(p.path("verified").path("level").asInt()).isEqualTo(2);
        assertThat(p.path("declared").path("level").asInt()).isEqualTo(2);
        assertThat(p.path("scenarios").findValuesAsText("evidenceStatus")).containsExactly("VERIFIED", "VERIFIED",
                "UNVERIFIED", "NOT_DEPLOYED");
        assertThat(texts(p.path("linkCoverage"))).containsExactly("production-operations", "production-management");
        // 1 of 3 counted scenarios with AI
        assertThat(p.path("aiShare").asDouble()).isEqualTo(1 / 3.0);
        assertThat(unmet(p, "advanced")).containsExactly("link 运营管理 not covered by a deployed scenario",
                "oee: no sector reference yet", "energyPerUnit: no sector reference yet");
        assertThat(unmet(p, "excellent")).containsExactly("verified level 2 < 3",
                "link 工厂建设 not covered by a deployed scenario", "link 研发设计 not covered by a deployed scenario",
                "link 运营管理 not covered by a deployed scenario", "oee: no sector reference yet",
                "energyPerUnit: no sector reference yet", "national leadership not judged from regional data");
        assertThat(unmet(p, "leading")).containsExactly("verified level 2 < 4",
                "link 工厂建设 not covered by a deployed scenario", "link 研发设计 not covered by a deployed scenario",
                "link 运营管理 not covered by a deployed scenario", "AI share 33.3 % < 60 %",
                "oee: no sector reference yet", "energyPerUnit: no sector reference yet",
                "global leadership not judged from regional data");
    }

    @Test
    void theDiscretePlantIsServedAsComputedByHand() {
        JsonNode d = awaitBasicUnmet(prefix + "D", List.of("oee: no sector reference yet",
                "rightFirstTime 0.5 not above the sector median 0.75", "energyPerUnit: no sector reference yet"));
        assertThat(d.path("modelVersion").asText()).isEqualTo("cmmm-discrete-v1");
        assertThat(d.path("verified").path("level").asInt()).isEqualTo(2);
        assertThat(d.path("scenarios").findValuesAsText("evidenceStatus")).containsExactly("CONTRADICTED",
                "VERIFIED", "UNVERIFIED");
        assertThat(d.path("scenarios").get(0).path("reason").asText()).isEqualTo("rightFirstTime 0.5 not >= 0.9");
        assertThat(texts(d.path("linkCoverage"))).containsExactly("rnd-design", "production-operations");
        // 1 of 2 counted scenarios with AI
        assertThat(d.path("aiShare").asDouble()).isEqualTo(0.5);
        assertThat(unmet(d, "advanced")).containsExactly("link 生产管理 not covered by a deployed scenario",
                "link 运营管理 not covered by a deployed scenario", "oee: no sector reference yet",
                "rightFirstTime 0.5 not in the sector's top quartile (>= 0.875)",
                "energyPerUnit: no sector reference yet");
        assertThat(d.path("tiers").path("basic").asBoolean()).isFalse();

        JsonNode sectorRecord = api.get("/api/v1/sectors/" + sector, regulatorToken).json();
        // deployed 3 + 3, verified 2 + 1; both at level 2
        assertThat(sectorRecord.path("scenariosDeployed").asInt()).isEqualTo(6);
        assertThat(sectorRecord.path("scenariosVerified").asInt()).isEqualTo(3);
        assertThat(sectorRecord.path("shareAtLeastLevel3").asDouble()).isZero();
        JsonNode rft = sectorRecord.path("kpiBenchmarks").path("rightFirstTime");
        assertThat(rft.path("enterprises").asInt()).isEqualTo(2);
        assertThat(rft.path("median").asDouble()).isEqualTo(0.75);
        assertThat(rft.path("upperQuartile").asDouble()).isEqualTo(0.875);
    }

    /** The enterprise's result once its basic tier lists exactly {@code unmet} (the final, benchmarked verdict). */
    private JsonNode awaitBasicUnmet(String enterpriseId, List<String> unmet) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiClient.Answer answer = api.get("/api/v1/enterprises/" + enterpriseId, regulatorToken);
            return answer.status() == 200 && unmet(answer.json(), "basic").equals(unmet);
        });
        return api.get("/api/v1/enterprises/" + enterpriseId, regulatorToken).json();
    }

    private static List<String> unmet(JsonNode result, String tier) {
        for (JsonNode readiness : result.path("tierReadiness")) {
            if (readiness.path("tier").asText().equals(tier)) {
                return texts(readiness.path("unmet"));
            }
        }
        return List.of();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

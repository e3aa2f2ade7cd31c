package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;
import static org.pharmamaturity.streams.testing.TestRecords.state;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.TokenAuthenticator;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.testing.Answers;

/**
 * The REST API through real HTTP against one running service on the embedded broker and registry: every
 * endpoint, every role, every error status, the OpenAPI document against the route table, and malformed requests.
 *
 * <p>The data: enterprises A and B, process manufacturers of sector S. B's assessment (every requirement of levels
 * 1 and 2 FULL) comes through Kafka with one equipment day (the plant day of PipelineIntegrationTest, OEE
 * 0.59375); A's assessment (the README's EX-E001: STR-L1-01 FULL, STR-L1-02 LARGELY) is POSTed with A's token.
 * D, alone in sector T, submits the same answers as B through Kafka. Both sectors are below the default minimum
 * group size of 3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class ApiIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int MAX_BODY = 65_536;
    /** A: L1 = (0.9 / 8) / (107 / 120) = 13.5 / 107 below the pass mark, so S = L1 and the level is 0. */
    private static final double SCORE_A = 13.5 / 107;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String a = "A-" + run;
    private final String b = "B-" + run;
    private final String sector = "S-" + run;
    /** D, alone in sector T: the minimum group size withholds T's figures from everyone but a regulator. */
    private final String d = "D-" + run;
    private final String soloSector = "T-" + run;
    /** E, of a sector of its own, has a self-assessment and gets a scenario declaration from the regulator. */
    private final String e = "E-" + run;
    private final String eq = "EQ-" + run;
    private final String regulatorToken = "regulator-" + UUID.randomUUID();
    private final String tokenA = "a-" + UUID.randomUUID();
    private final String tokenB = "b-" + UUID.randomUUID();
    /** The token of an enterprise that ref.enterprise does not know. */
    private final String tokenUnregistered = "c-" + UUID.randomUUID();
    private MaturityStreamsService service;
    private ApiClient api;
    private JsonNode accepted;

    @BeforeAll
    void startServiceAndFeedIt(@org.junit.jupiter.api.io.TempDir Path stateDir) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), a, enterprise(a, sector)));
            producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), b, enterprise(b, sector)));
            producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), d, enterprise(d, soloSector)));
            producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), e, enterprise(e, "SE-" + run)));
            producer.send(new ProducerRecord<>(Topic.REF_EQUIPMENT.name(), eq, equipment(eq, b)));
            producer.flush();
        }
        Map<String, String> settings = topics.serviceSettings("it-api-" + run, stateDir);
        settings.put(ServiceSettings.API_MAX_BODY_BYTES, Integer.toString(MAX_BODY));
        settings.put(ServiceSettings.API_TOKENS, TokenAuthenticator.hash(regulatorToken) + " regulator,"
                + TokenAuthenticator.hash(tokenA) + " enterprise:" + a + ", " + TokenAuthenticator.hash(tokenB)
                + " enterprise:" + b + "," + TokenAuthenticator.hash(tokenUnregistered) + " enterprise:C-" + run);
        service = MaturityStreamsService.start(ServiceSettings.of(settings), new CountingPipelineMeters());
        api = new ApiClient(service.api().port());
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq, state(eq, b, "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
            send(producer, Topic.FACTORY_PRODUCTION_COUNT, eq, count(eq, b, "2025-03-01T10:00:00Z", 950, 50, 36_000));
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq, state(eq, b, "2025-03-01T14:00:00Z", EquipmentState.PLANNED_STOP));
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq, state(eq, b, "2025-03-01T16:00:00Z", EquipmentState.RUNNING));
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq, state(eq, b, "2025-03-01T20:00:00Z", EquipmentState.UNPLANNED_STOP));
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq, state(eq, b, "2025-03-02T01:00:00Z", EquipmentState.IDLE));
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, b, assessment(b, "SB", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)));
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, d, assessment(d, "SD", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)));
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, e, assessment(e, "SE", "2025-03-01T00:00:00Z", Answers.fullUpTo(1)));
            producer.flush();
        }
        await().atMost(WAIT).until(() -> api.get("/health/ready", null).status() == 200);
        ApiClient.Answer post = api.post("/api/v1/assessments", tokenA, "application/json", """
                {"modelVersion": "cmmm-2020-reference", "submittedAt": "2026-03-01T09:00:00Z",
                 "answers": [{"requirementId": "STR-L1-01", "grade": "FULL", "evidence": "board plan"},
                             {"requirementId": "STR-L1-02", "grade": "LARGELY"}]}""");
        assertThat(post.status()).as(post.body()).isEqualTo(202);
        assertThat(post.raw().headers().firstValue("Location")).hasValue("/api/v1/enterprises/" + a);
        accepted = post.json();
        api.awaitEnterprises("/api/v1/sectors/" + sector, regulatorToken, 2, WAIT);
        api.awaitEnterprises("/api/v1/sectors/" + soloSector, regulatorToken, 1, WAIT);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theSubmissionAnswerSaysWhereAndWhenTheScoreIsVisible() {
        assertThat(accepted.path("enterpriseId").asText()).isEqualTo(a);
        assertThat(accepted.path("submissionId").asText()).isNotBlank();
        assertThat(accepted.path("topic").asText()).isEqualTo("assessment.self.submitted");
        // Exactly-once default: commit.interval.ms = 100, so visibleAfter = acceptedAt + 100 ms.
        assertThat(Duration.between(Instant.parse(accepted.path("acceptedAt").asText()),
                Instant.parse(accepted.path("visibleAfter").asText()))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aDeclarationPostedByTheRegulatorShowsInTheEnterprisesResult() {
        ApiClient.Answer post = api.post("/api/v1/scenarios/declarations", regulatorToken, "application/json", """
                {"enterpriseId": "%s", "submissionId": "SD-1", "catalogueVersion": "scenarios-2025",
                 "declaredAt": "2025-03-01T01:00:00Z",
                 "scenarios": [{"scenarioId": "production-operations.equipment-monitoring", "status": "DEPLOYED",
                                "aiEnabled": true},
                               {"scenarioId": "production-management.intelligent-energy-management",
                                "status": "PLANNED"}]}""".formatted(e));
        assertThat(post.status()).as(post.body()).isEqualTo(202);
        assertThat(post.json().path("topic").asText()).isEqualTo("assessment.scenarios.declared");
        assertThat(post.json().path("scenarios").asInt()).isEqualTo(2);

        await().atMost(WAIT).until(() -> api.get("/api/v1/enterprises/" + e, regulatorToken).json()
                .path("scenarios").size() == 2);
        JsonNode result = api.get("/api/v1/enterprises/" + e, regulatorToken).json();
        // D has no KPIs: the deployed scenario is UNVERIFIED, which counts, and covers its tier link
        assertThat(result.path("scenarios").findValuesAsText("evidenceStatus")).containsExactly("UNVERIFIED",
                "NOT_DEPLOYED");
        assertThat(result.path("linkCoverage")).hasSize(1);
        assertThat(result.path("linkCoverage").get(0).asText()).isEqualTo("production-operations");
        // one deployed, not contradicted scenario, with AI: 1 / 1
        assertThat(result.path("aiShare").asDouble()).isEqualTo(1.0);
        assertThat(result.path("tiers").path("excellent").asBoolean()).isFalse();
        assertThat(result.path("modelVersion").asText()).isEqualTo("cmmm-2020-reference");
        // what ref.enterprise does not know is refused with its reason
        ApiClient.Answer unknown = api.post("/api/v1/scenarios/declarations", regulatorToken, "application/json", """
                {"enterpriseId": "X-%s", "catalogueVersion": "scenarios-2025",
                 "scenarios": [{"scenarioId": "production-operations.equipment-monitoring", "status": "PILOT"}]}""".formatted(run));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not registered in ref.enterprise");
    }

    @Test
    void theModelIsServedByVersionAndTheScenarioCatalogueAsLoaded() {
        assertThat(api.get("/api/v1/model?modelVersion=cmmm-2020-reference", tokenA).json().path("modelVersion")
                .asText()).isEqualTo("cmmm-2020-reference");
        assertThat(api.get("/api/v1/model?modelVersion=cmmm-1999", tokenA).status()).isEqualTo(404);
        JsonNode catalogue = api.get("/api/v1/scenarios", tokenA).json();
        assertThat(catalogue.path("catalogueVersion").asText()).isEqualTo("scenarios-2025");
        // 8 links, 40 scenarios
        assertThat(catalogue.path("scenarios")).hasSize(40);
    }

    @Test
    void theRegulatorReadsEveryEnterprisesLatestResult() {
        JsonNode resultA = api.get("/api/v1/enterprises/" + a, regulatorToken).json();
        assertThat(resultA.path("enterpriseId").asText()).isEqualTo(a);
        assertThat(resultA.path("sector").asText()).isEqualTo(sector);
        assertThat(resultA.path("modelVersion").asText()).isEqualTo("cmmm-2020-reference");
        assertThat(resultA.path("declared").path("score").asDouble()).isCloseTo(SCORE_A, within(1e-12));
        assertThat(resultA.path("verified").path("score").asDouble()).isCloseTo(SCORE_A, within(1e-12));
        assertThat(resultA.path("verified").path("level").asInt()).isZero();
        // A has no KPIs, so its result is as of its submission's submittedAt.
        assertThat(Instant.parse(resultA.path("asOf").asText())).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(resultA.path("requirements").findValuesAsText("requirementId")).contains("STR-L1-01");
        assertThat(resultA.path("tiers").path("basic").asBoolean()).isFalse();

        JsonNode resultB = api.get("/api/v1/enterprises/" + b, regulatorToken).json();
        // B: L1 = L2 = 1, L3 = 0 < 0.8, so m = 3 and S = 1 + 1 + 0 = 2, level 2.
        assertThat(resultB.path("verified").path("score").asDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(resultB.path("verified").path("level").asInt()).isEqualTo(2);
    }

    @Test
    void anEnterpriseReadsItsOwnDataOnly() {
        assertThat(api.get("/api/v1/enterprises/" + a, tokenA).status()).isEqualTo(200);
        for (String path : List.of("", "/history", "/kpis")) {
            ApiClient.Answer other = api.get("/api/v1/enterprises/" + b + path, tokenA);
            assertThat(other.status()).as(path).isEqualTo(403);
            assertThat(other.json().path("message").asText()).contains("reads only its own data");
        }
        JsonNode list = api.get("/api/v1/enterprises?sector=" + sector, tokenA).json();
        assertThat(list.path("items").findValuesAsText("enterpriseId")).containsExactly(a);
        assertThat(api.get("/api/v1/sectors/" + sector, tokenA).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/sectors", tokenA).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/model", tokenA).status()).isEqualTo(200);
    }

    @Test
    void withoutAValidTokenEveryApiPathIs401() {
        for (String token : new String[] {null, "not-a-token"}) {
            ApiClient.Answer answer = api.get("/api/v1/enterprises/" + a, token);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"maturity\"");
            assertThat(api.get("/api/v1/sectors", token).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/model", token).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/assessments", token, "application/json", "{}").status()).isEqualTo(401);
        }
        assertThat(api.get("/api/v1/enterprises", "Basic " + tokenA).status()).isEqualTo(401);
    }

    @Test
    void theListFiltersBySectorAndLevelAndPages() {
        JsonNode all = api.get("/api/v1/enterprises?sector=" + sector, regulatorToken).json();
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("items").findValuesAsText("enterpriseId")).containsExactly(a, b);
        assertThat(all.path("items").get(1).path("verified").path("level").asInt()).isEqualTo(2);
        assertThat(all.path("items").get(0).path("declared").path("score").asDouble()).isCloseTo(SCORE_A, within(1e-12));

        JsonNode level2 = api.get("/api/v1/enterprises?sector=" + sector + "&level=2", regulatorToken).json();
        assertThat(level2.path("items").findValuesAsText("enterpriseId")).containsExactly(b);

        JsonNode second = api.get("/api/v1/enterprises?sector=" + sector + "&limit=1&offset=1", regulatorToken).json();
        assertThat(second.path("total").asInt()).isEqualTo(2);
        assertThat(second.path("limit").asInt()).isEqualTo(1);
        assertThat(second.path("items").findValuesAsText("enterpriseId")).containsExactly(b);
    }

    @Test
    void historyTakesATimeRange() {
        // One submission and no KPIs for A: exactly one published result.
        JsonNode history = api.get("/api/v1/enterprises/" + a + "/history", tokenA).json();
        assertThat(history.path("total").asInt()).isEqualTo(1);
        assertThat(history.path("snapshots").get(0).path("verified").path("score").asDouble())
                .isCloseTo(SCORE_A, within(1e-12));
        String asOf = history.path("snapshots").get(0).path("asOf").asText();
        Instant after = Instant.parse(asOf).plusMillis(1);
        assertThat(api.get("/api/v1/enterprises/" + a + "/history?from=" + after, tokenA).json()
                .path("total").asInt()).isZero();
        assertThat(api.get("/api/v1/enterprises/" + a + "/history?from=" + asOf + "&to=" + asOf, tokenA).json()
                .path("total").asInt()).isEqualTo(1);
    }

    @Test
    void kpisTakeARangeOfDays() {
        String path = "/api/v1/enterprises/" + b + "/kpis?from=2025-03-01&to=2025-03-01";
        // The complete day: observed 18 h, planned 16 h, running 12 h; A 0.75 x P 10/12 x Q 0.95 = 0.59375.
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get(path, tokenB).json().path("days").findValues("oee")
                .stream().map(oee -> oee.path("value").asDouble()).toList()).containsExactly(0.59375));
        JsonNode kpis = api.get(path, tokenB).json();
        assertThat(kpis.path("days").get(0).path("day").asText()).isEqualTo("2025-03-01");
        assertThat(kpis.path("rolling").path("enterpriseId").asText()).isEqualTo(b);
        // The IDLE change at 2025-03-02T01:00 opened the next day; nothing is later.
        assertThat(api.get("/api/v1/enterprises/" + b + "/kpis?from=2025-03-02", tokenB).json().path("days")
                .findValuesAsText("day")).containsExactly("2025-03-02");
        assertThat(api.get("/api/v1/enterprises/" + b + "/kpis?from=2025-03-03T00:00:00Z", tokenB).json().path("days"))
                .isEmpty();
    }

    @Test
    void sectorsAreAggregatesOverTheVerifiedView() {
        JsonNode stats = api.get("/api/v1/sectors/" + sector, regulatorToken).json();
        double mean = (SCORE_A + 2.0) / 2; // two enterprises: the median of two is their mean too
        assertThat(stats.path("meanScore").asDouble()).isCloseTo(mean, within(1e-12));
        assertThat(stats.path("medianScore").asDouble()).isCloseTo(mean, within(1e-12));
        assertThat(stats.path("shareAtLeastLevel2").asDouble()).isEqualTo(0.5); // B of A and B
        assertThat(stats.path("levelDistribution").path("0").asInt()).isEqualTo(1);
        assertThat(stats.path("levelDistribution").path("2").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/sectors?limit=1000", regulatorToken).json().path("items")
                .findValuesAsText("sector")).contains(sector);
        assertThat(api.get("/api/v1/sectors/NO-" + run, regulatorToken).status()).isEqualTo(404);
    }

    @Test
    void theModelInForceIsServed() {
        JsonNode model = api.get("/api/v1/model", regulatorToken).json();
        assertThat(model.path("modelVersion").asText()).isEqualTo("cmmm-2020-reference");
        assertThat(model.path("parameters").path("passMark").asDouble()).isEqualTo(0.8);
        assertThat(model.path("requirements").findValuesAsText("requirementId")).contains("STR-L1-01", "STR-L1-02");
    }

    @Test
    void aBadSubmissionGets400ListingEveryProblem() {
        ApiClient.Answer wrongModel = api.post("/api/v1/assessments", tokenA, "application/json", """
                {"enterpriseId": "%s", "modelVersion": "cmmm-1999", "answers": []}""".formatted(b));
        assertThat(wrongModel.status()).isEqualTo(400);
        List<String> problems = texts(wrongModel.json().path("problems"));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("enterpriseId: '" + b + "' is not the enterprise of this token");
        assertThat(problems.get(1)).startsWith("modelVersion: 'cmmm-1999' does not exist");

        ApiClient.Answer badAnswers = api.post("/api/v1/assessments", tokenA, "application/json; charset=utf-8", """
                {"modelVersion": "cmmm-2020-reference",
                 "answers": [{"requirementId": "NOPE-01", "grade": "FULL"},
                             {"requirementId": "STR-L1-01", "grade": "EXCELLENT"}]}""");
        assertThat(badAnswers.status()).isEqualTo(400);
        List<String> answerProblems = texts(badAnswers.json().path("problems"));
        assertThat(answerProblems).hasSize(2);
        assertThat(answerProblems).anyMatch(p -> p.contains("answers[1].grade") && p.contains("EXCELLENT"));
        assertThat(answerProblems).anyMatch(p -> p.startsWith("answers[0].requirementId: 'NOPE-01' is not a requirement"));

        ApiClient.Answer unregistered = api.post("/api/v1/assessments", tokenUnregistered, "application/json", """
                {"modelVersion": "cmmm-2020-reference", "answers": []}""");
        assertThat(unregistered.status()).isEqualTo(400);
        assertThat(texts(unregistered.json().path("problems"))).containsExactly("enterpriseId: 'C-" + run
                + "' is not registered in ref.enterprise; register the enterprise first (the pipeline would set its"
                + " assessment aside as a dead letter)");

        ApiClient.Answer byRegulator = api.post("/api/v1/assessments", regulatorToken, "application/json", "{}");
        assertThat(byRegulator.status()).isEqualTo(403);
    }

    @Test
    void healthAndMetricsAnswerWithoutAToken() {
        ApiClient.Answer health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(health.json().path("threads")).isNotEmpty();
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
        ApiClient.Answer metrics = api.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
    }

    @Test
    void metricsNameNoEnterpriseWithoutCredentialsAndOnlyTheCallersOwnWithAnEnterpriseToken() {
        String anonymous = api.get("/metrics", null).body();
        assertThat(anonymous).doesNotContain("enterprise_id").doesNotContain(a).doesNotContain(b).doesNotContain(d)
                .doesNotContain(e)
                .contains("maturity_records_total").contains("maturity_dead_letters_total")
                .contains("kafka_stream_thread_process_rate").contains("jvm_memory_used_bytes");
        // S has 2 enterprises and T 1, both below the minimum group size of 3.
        assertThat(anonymous).doesNotContain(sector).doesNotContain(soloSector);

        String ofA = api.get("/metrics", tokenA).body();
        assertThat(ofA).contains("maturity_enterprise_score{enterprise_id=\"" + a + "\"")
                .doesNotContain(b).doesNotContain(d).doesNotContain(sector + "\",stat=");

        String everything = api.get("/metrics", regulatorToken).body();
        assertThat(everything).contains("maturity_enterprise_score{enterprise_id=\"" + b + "\"")
                .contains("maturity_enterprise_score{enterprise_id=\"" + d + "\"")
                .contains("maturity_sector_score{sector=\"" + soloSector + "\",stat=\"mean\"} 2.0");
        assertThat(api.get("/metrics", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void aSectorBelowTheMinimumGroupSizeShowsAnEnterpriseItsCountOnly() {
        JsonNode solo = api.get("/api/v1/sectors/" + soloSector, tokenA).json();
        assertThat(iterable(solo.fieldNames())).containsExactlyInAnyOrder("sector", "enterprises", "withheld");
        assertThat(solo.path("enterprises").asInt()).isEqualTo(1);
        assertThat(solo.path("withheld").asText()).contains("fewer than 3 enterprises");
        JsonNode own = api.get("/api/v1/sectors/" + sector, tokenA).json();
        assertThat(own.path("enterprises").asInt()).isEqualTo(2);
        assertThat(own.has("meanScore")).isFalse();
        JsonNode listed = api.get("/api/v1/sectors?limit=1000", tokenA).json().path("items");
        listed.forEach(item -> {
            if (item.path("enterprises").asInt() < 3) {
                assertThat(item.has("meanScore")).as(item.toString()).isFalse();
            }
        });

        // The regulator sees D's own figures: S = 2.0 (B's answers: L1 = L2 = 1, L3 = 0), contradiction rate 0.
        JsonNode full = api.get("/api/v1/sectors/" + soloSector, regulatorToken).json();
        assertThat(full.path("meanScore").asDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(full.path("medianScore").asDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(full.path("levelDistribution").path("2").asInt()).isEqualTo(1);
        assertThat(full.has("withheld")).isFalse();
    }

    @Test
    void aSubmissionTheProcessingWouldDeadLetterIsRefused() {
        // 2 days ahead is far beyond the pipeline's maturity.validation.max-future-skew of PT5M = 300000 ms.
        String future = Instant.now().plus(Duration.ofDays(2)).toString();
        ApiClient.Answer ahead = api.post("/api/v1/assessments", tokenA, "application/json", """
                {"modelVersion": "cmmm-2020-reference", "submittedAt": "%s",
                 "answers": [{"requirementId": "STR-L1-01", "grade": "FULL"}]}""".formatted(future));
        assertThat(ahead.status()).as(ahead.body()).isEqualTo(400);
        assertThat(texts(ahead.json().path("problems"))).singleElement().asString()
                .startsWith("submittedAt " + future + " is more than 300000 ms after the processing time");

        ApiClient.Answer unbounded = api.post("/api/v1/assessments", tokenA, "application/json", """
                {"submissionId": "%s", "modelVersion": "cmmm-2020-reference",
                 "answers": [{"requirementId": "STR-L1-01", "grade": "FULL", "evidence": "%s"}]}"""
                .formatted("S".repeat(5_000), "e".repeat(2_001)));
        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(texts(unbounded.json().path("problems"))).containsExactly(
                "submissionId: not a valid id (letters, digits, '.', '_', '-', at most 64, starting with a letter or"
                        + " digit)",
                "answers[0].evidence: 2001 characters; at most 2000");
        // The answer repeats neither: well under the 7,000 characters sent.
        assertThat(unbounded.body().length()).isLessThan(1_000);
    }

    @Test
    void theProblemsListStopsAtAHundredAndCountsTheRest() {
        StringBuilder answers = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            answers.append(i == 1 ? "" : ",").append("{\"requirementId\": \"X-").append(i).append("\", \"grade\": \"FULL\"}");
        }
        ApiClient.Answer many = api.post("/api/v1/assessments", tokenA, "application/json",
                "{\"modelVersion\": \"cmmm-2020-reference\", \"answers\": [" + answers + "]}");
        assertThat(many.status()).isEqualTo(400);
        // One unknown requirement per answer: 150 problems, of which the first 100 are listed.
        assertThat(many.json().path("problemCount").asInt()).isEqualTo(150);
        assertThat(many.json().path("problems")).hasSize(100);
        assertThat(many.json().path("problems").get(99).asText()).startsWith("answers[99].requirementId: 'X-100'");
    }

    @Test
    void timeRangesOutsideTheCalendarOrBackwardsAre400() {
        String history = "/api/v1/enterprises/" + a + "/history";
        for (String query : List.of("?from=%2B1000000000-01-01T00:00:00Z", "?to=%2B1000000000-01-01T00:00:00Z",
                "?from=-1000000000-01-01T00:00:00Z", "?to=%2B999999999-12-31", "?from=2026-03-02&to=2026-03-01")) {
            ApiClient.Answer answer = api.get(history + query, tokenA);
            assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(400);
        }
        assertThat(texts(api.get(history + "?from=2026-03-02&to=2026-03-01", tokenA).json().path("problems")))
                .containsExactly("from 2026-03-02T00:00:00Z is after to 2026-03-01T23:59:59.999Z; give a from no later"
                        + " than the to");
        String kpis = "/api/v1/enterprises/" + b + "/kpis";
        for (String query : List.of("?from=2025-03-02&to=2025-03-01", "?from=%2B1000000000-01-01T00:00:00Z")) {
            ApiClient.Answer answer = api.get(kpis + query, tokenB);
            assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(400);
        }
    }

    @Test
    void anOversizedContentLengthWithNoBodyIsAnswered413AtOnce() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.api().port())) {
            // A bound on waiting, not a timing assertion: before the fix no answer came until the body did.
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/assessments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + tokenA + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            List<String> head = new ArrayList<>();
            for (String line = headerLine(in); !line.isEmpty(); line = headerLine(in)) {
                head.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(head.get(0)).startsWith("http/1.1 413");
            assertThat(head).contains("connection: close");
            int length = head.stream().filter(line -> line.startsWith("content-length: ")).findFirst()
                    .map(line -> Integer.parseInt(line.substring("content-length: ".length()))).orElseThrow();
            byte[] body = new byte[length];
            in.readFully(body);
            assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("\"status\":413")
                    .contains("maturity.api.max-body-bytes");
        }
        assertThat(api.get("/health", null).status()).isEqualTo(200);
    }

    /** One header line of an HTTP answer, without its CRLF. */
    private static String headerLine(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("the answer ended inside its head: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static <T> List<T> iterable(Iterator<T> items) {
        List<T> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }

    @Test
    void unknownThingsAre404And405() {
        assertThat(api.get("/api/v1/enterprises/NO-" + run, regulatorToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/nothing", regulatorToken).status()).isEqualTo(404);
        ApiClient.Answer delete = api.send("DELETE", "/api/v1/enterprises/" + a, regulatorToken);
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.raw().headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void theOpenApiDocumentMatchesTheRouteTable() {
        ApiClient.Answer document = api.get("/api/v1/openapi.json", null);
        assertThat(document.status()).isEqualTo(200);
        JsonNode openApi = document.json();
        assertThat(openApi.path("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }
        assertThat(documented).isEqualTo(new TreeSet<>(service.api().routeTable()));
        for (String operation : documented) {
            String template = operation.substring(operation.indexOf(' ') + 1);
            // every enterprise of this test is in district Pudong (TestRecords.enterprise)
            String path = template.replace("{id}", a).replace("{code}",
                    template.startsWith("/api/v1/districts/") ? "Pudong" : sector);
            ApiClient.Answer answer = operation.startsWith("GET ") ? api.get(path, regulatorToken)
                    : api.post(path, tokenA, "application/json", "{}");
            assertThat(answer.status()).as(operation).isIn(200, 400);
        }
    }

    @Test
    void malformedRequestsGet4xxWithAMessageAndTheServiceKeepsServing() {
        List<ApiClient.Answer> answers = new ArrayList<>();
        answers.add(expect(400, api.post("/api/v1/assessments", tokenA, "application/json", "{\"answers\": [")));
        answers.add(expect(400, api.post("/api/v1/assessments", tokenA, "application/json", "[1, 2]")));
        answers.add(expect(415, api.post("/api/v1/assessments", tokenA, "text/plain", "{}")));
        answers.add(expect(415, api.post("/api/v1/assessments", tokenA, null, "{}")));
        answers.add(expect(413, api.post("/api/v1/assessments", tokenA, "application/json",
                "{\"x\": \"" + "y".repeat(MAX_BODY * 4) + "\"}")));
        answers.add(expect(400, api.get("/api/v1/enterprises/..%2F..%2Fetc%2Fpasswd", regulatorToken)));
        answers.add(expect(400, api.get("/api/v1/enterprises/%2e%2e", regulatorToken)));
        answers.add(expect(400, api.get("/api/v1/enterprises/" + a + "%40000", regulatorToken)));
        answers.add(expect(400, api.get("/api/v1/enterprises?colour=red", regulatorToken)));
        answers.add(expect(400, api.get("/api/v1/enterprises?level=7", regulatorToken)));
        answers.add(expect(400, api.get("/api/v1/enterprises?limit=-1", regulatorToken)));
        answers.add(expect(400, api.get("/api/v1/enterprises?sector=A&sector=B", regulatorToken)));
        answers.add(expect(400, api.get("/api/v1/enterprises/" + a + "/history?from=yesterday", regulatorToken)));
        answers.add(expect(400, api.get("/api/v1/enterprises/" + a + "/kpis?to=2025-13-01", regulatorToken)));
        for (ApiClient.Answer answer : answers) {
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.json().path("message").asText()).as(answer.body()).isNotBlank();
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
        }
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/enterprises/" + a, regulatorToken).status()).isEqualTo(200);
    }

    private static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static <V extends SpecificRecord> void send(KafkaProducer<String, SpecificRecord> producer, Topic<V> topic,
            String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value));
    }
}

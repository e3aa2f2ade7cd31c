package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.testing.DebianPython;
import org.pharmamaturity.testing.ScriptRunner;

/**
 * What a plant and an outsider do with the README's local run (issue 17's acceptance): a plant of its own
 * ({@code src/test/python/plant.py}, Confluent's Python client) registers, reports a day of two machines with the
 * next morning's first state change right behind each machine's counts, and sends a self-assessment; the figures
 * are then read through the REST API with the regulator token from the run's token file, and {@code /metrics} is read
 * without a token, as anyone on the machine could. Three times, each on a fresh stack (new data directory, new
 * ports), because the race this guards against (issue 17: counts overtaken by the next morning) was intermittent.
 */
@Tag("integration")
class PlantThroughLocalRunTest {

    private static final Path SCRIPTS = Path.of("src", "test", "python").toAbsolutePath();
    private static final String ENTERPRISE = "PL-E100";
    private static final String DAY = "2026-03-02";
    private static final double EXACT = 1e-12;
    private static final long HOUR_MS = 3_600_000L;
    /** Day figures become final a close margin (30 s) after event time passes the day's end plus the grace. */
    private static final Duration FINAL_WITHIN = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @BeforeAll
    static void requirePython() {
        DebianPython.require("confluent_kafka.avro, avro.schema");
    }

    @RepeatedTest(3)
    void aPlantsDayReadsBackExactlyAndMetricsRevealNothingWithoutAToken() throws Exception {
        try (LocalStack stack = LocalStack.start(freshStack())) {
            List<String> output = ScriptRunner.run(SCRIPTS, List.of(DebianPython.PYTHON, "plant.py",
                    "--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl(),
                    "--schemas", writeSchemas().toString()));
            // 1 enterprise + 2 equipment + 2 x (5 or 4 states + 2 counts + 1 next-morning state) + 1 assessment
            // = 3 + 8 + 7 + 1 = 19
            assertThat(output).containsExactly("{\"sent\": 19}");
            String regulator = regulatorToken();

            await().atMost(FINAL_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertDayOfTheEnterprise(get(stack, "/api/v1/enterprises/" + ENTERPRISE + "/kpis?from=" + DAY
                            + "&to=" + DAY, regulator)));
            await().atMost(FINAL_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertMaturity(get(stack, "/api/v1/enterprises/" + ENTERPRISE, regulator)));

            // The enterprise's series exist (a regulator sees them), yet a caller without a token sees none.
            assertThat(scrape(stack, regulator).lines()).anyMatch(line -> line.startsWith("maturity_enterprise_score{")
                    && line.contains("enterprise_id=\"" + ENTERPRISE + "\""));
            String anonymous = scrape(stack, null);
            assertThat(anonymous.lines()).noneMatch(line -> line.contains(ENTERPRISE))
                    .noneMatch(line -> line.contains("enterprise_id="));
            // Every count made its day: nothing late, nothing dead-lettered (the stack holds only this plant).
            assertThat(samples(anonymous, "maturity_late_records_total")).isNotEmpty().allMatch(value -> value == 0);
            assertThat(samples(anonymous, "maturity_dead_letters_total")).isNotEmpty().allMatch(value -> value == 0);
        }
    }

    /**
     * Day 2026-03-02 of PL-E100, its two machines summed (times and counts, not ratios):
     * <pre>
     * tablet press TP1: RUNNING 00-06, PLANNED_STOP 06-08, RUNNING 08-14, UNPLANNED_STOP 14-16, RUNNING 16-24
     *   observed 24 h, planned stop 2 h, running 6 + 6 + 8 = 20 h    -> availability 20 / 22 = 10/11
     *   (14 250 + 750) + (16 530 + 870) = 32 400 units x 2 s = 18 h  -> performance 18 / 20 = 0.9
     *   good 14 250 + 16 530 = 30 780, reject 1 620                  -> quality 30 780 / 32 400 = 0.95
     *   OEE 10/11 x 0.9 x 0.95 = 8.55 / 11 = 0.777272...
     * filler FL1: PLANNED_STOP 00-04, RUNNING 04-10, UNPLANNED_STOP 10-11, RUNNING 11-24
     *   observed 24 h, planned stop 4 h, running 6 + 13 = 19 h       -> availability 19 / 20 = 0.95
     *   (47 500 + 2 500) + (56 468 + 2 972) = 109 440 units x 0.5 s = 54 720 s = 15.2 h -> performance 15.2 / 19 = 0.8
     *   good 47 500 + 56 468 = 103 968, reject 5 472                 -> quality 103 968 / 109 440 = 0.95
     *   OEE 0.95 x 0.8 x 0.95 = 0.722
     * enterprise: observed 48 h, planned stop 6 h, running 39 h      -> availability 39 / 42 = 13/14
     *   ideal 18 + 15.2 = 33.2 h                                     -> performance 33.2 / 39
     *   good 134 748, reject 7 092 of 141 840                        -> quality 0.95
     *   OEE 39/42 x 33.2/39 x 0.95 = 33.2 x 0.95 / 42 = 31.54 / 42 = 0.750952...
     * </pre>
     * Observed time reaches 48 h once the next morning's state changes account both machines to midnight, and the
     * counts are all there only if none was overtaken by them.
     */
    private static void assertDayOfTheEnterprise(JsonNode kpis) {
        assertThat(kpis.path("days")).as("days of %s", kpis).hasSize(1);
        JsonNode day = kpis.path("days").get(0);
        JsonNode components = day.path("components");
        assertThat(components.path("observedMs").asLong()).isEqualTo(48 * HOUR_MS);
        assertThat(components.path("plannedStopMs").asLong()).isEqualTo(6 * HOUR_MS);
        assertThat(components.path("runningMs").asLong()).isEqualTo(39 * HOUR_MS);
        // 32 400 x 2 000 ms + 109 440 x 500 ms = 64 800 000 + 54 720 000 = 119 520 000 ms = 33.2 h
        assertThat(components.path("idealProductionMs").asDouble()).isCloseTo(119_520_000.0, within(EXACT));
        assertThat(components.path("goodCount").asLong()).isEqualTo(30_780 + 103_968);
        assertThat(components.path("rejectCount").asLong()).isEqualTo(1_620 + 5_472);
        JsonNode values = day.path("values");
        assertThat(values.path("availability").path("value").asDouble()).isCloseTo(13.0 / 14, within(EXACT));
        assertThat(values.path("performance").path("value").asDouble()).isCloseTo(33.2 / 39, within(EXACT));
        assertThat(values.path("quality").path("value").asDouble()).isCloseTo(0.95, within(EXACT));
        assertThat(values.path("oee").path("value").asDouble()).isCloseTo(31.54 / 42, within(EXACT));
    }

    /**
     * The self-assessment, scored with the model of the plant's manufacturing type (PROCESS: cmmm-process-v1):
     * organisation & strategy weighs 0.07, shared by people.strategy and people.skills, 0.035 each; the level-1
     * weights add up to 1 - 0.048 - 0.046 = 0.906 (see ReadmeExampleTest). STR-L1-01 FULL and STR-L1-02 LARGELY give
     * D(people.strategy) = (1 + 0.8) / 2 = 0.9; SKL-L1-01 PARTLY gives D(people.skills) = 0.5.
     * L1 = 0.035 x (0.9 + 0.5) / 0.906 = 0.049 / 0.906 = 49/906 = 0.054083...; below the pass mark 0.8, so S = L1
     * (rule A) and the level is 0. Evidence rules only lower answered grades, and these answers have none that
     * applies, so verified = declared.
     */
    private static void assertMaturity(JsonNode maturity) {
        for (String view : List.of("declared", "verified")) {
            assertThat(maturity.path(view).path("score").asDouble()).as(view).isCloseTo(49.0 / 906, within(EXACT));
            assertThat(maturity.path(view).path("level").asInt()).as(view).isZero();
        }
        assertThat(maturity.path("sector").asText()).isEqualTo("C272");
        assertThat(maturity.path("modelVersion").asText()).isEqualTo("cmmm-process-v1");
    }

    private LocalStackSettings freshStack() {
        return LocalStackSettings.fromArgs("--data-dir=" + data.resolve("stack"), "--simulator-rate=0",
                "--kafka-port=" + LoopbackPorts.freePort(), "--kafka-controller-port=" + LoopbackPorts.freePort(),
                "--registry-port=" + LoopbackPorts.freePort(),
                "--registry-management-port=" + LoopbackPorts.freePort(), "--api-port=" + LoopbackPorts.freePort());
    }

    /** Each topic's value schema as {@code <topic>.avsc}, the files a plant would be given. */
    private Path writeSchemas() throws Exception {
        Path schemas = Files.createDirectories(data.resolve("schemas"));
        for (Topic<?> topic : Topic.inputs()) {
            Files.writeString(schemas.resolve(topic.name() + ".avsc"), topic.valueSchema().toString());
        }
        return schemas;
    }

    /** The regulator's token as an outsider finds it: in the user-only file whose path the local run prints. */
    private String regulatorToken() throws Exception {
        return Files.readAllLines(data.resolve("stack").resolve(LocalApiTokens.PLAINTEXT_FILE)).stream()
                .filter(line -> line.startsWith("regulator ")).map(line -> line.substring("regulator ".length()))
                .findFirst().orElseThrow();
    }

    private JsonNode get(LocalStack stack, String path, String token) throws Exception {
        HttpResponse<String> response = send(stack, path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private String scrape(LocalStack stack, String token) throws Exception {
        HttpResponse<String> response = send(stack, "/metrics", token);
        assertThat(response.statusCode()).as("/metrics").isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(LocalStack stack, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The values of every sample of {@code series} in a Prometheus text scrape. */
    private static List<Double> samples(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + "{") || line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toList();
    }
}

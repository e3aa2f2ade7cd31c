package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.producers.ProducersCli;

/**
 * {@code run-local --secure}: the producer principal's generated client config gets the README's example files
 * through SASL_SSL and the HTTPS registry to the published scores, the simulator runs with the same file, a
 * plaintext client gets no answer, and the console names the secret files without showing a secret.
 */
@Tag("integration")
class SecureLocalStackTest {

    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path data;

    @Test
    void anAuthenticatedProducerReachesThePipelineAndAPlaintextClientIsRefused() throws Exception {
        LocalStackSettings settings = LocalStackSettings.fromArgs("--secure", "--data-dir=" + data,
                "--simulator-rate=20", "--kafka-port=" + LoopbackPorts.freePort(),
                "--kafka-controller-port=" + LoopbackPorts.freePort(), "--registry-port=" + LoopbackPorts.freePort(),
                "--registry-management-port=" + LoopbackPorts.freePort(), "--api-port=" + LoopbackPorts.freePort());
        Path secure = data.resolve("secure");
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.registryUrl()).startsWith("https://");
            Path producerConfig = secure.resolve("producer.properties");
            List<String> asProducer = List.of("--producer-config=" + producerConfig);
            ExampleFiles.ingest(stack, asProducer, "enterprises", "enterprises.csv");
            ExampleFiles.ingest(stack, asProducer, "assessments", "assessment.json", "assessment.csv");

            // As in ReadmeExampleTest: EX-E001 (PROCESS, cmmm-process-v1) answered STR-L1-01 FULL and STR-L1-02
            // LARGELY, D = (1 + 0.8) / 2 = 0.9, W(people.strategy) = 0.035 of level 1's 0.906: L1 = 21 / 604.
            String regulator = regulatorToken(secure.resolve("api-tokens.txt"));
            assertThat(awaitEnterprise(stack, "EX-E001", regulator).path("verified").path("score").asDouble())
                    .isCloseTo(ReadmeExampleTest.E001, within(TOLERANCE));

            // The producer principal may write the inputs but not create topics (PipelineAcls.producer).
            assertThat(ProducersCli.commandLine().execute("topics", "--bootstrap-servers=" + stack.bootstrapServers(),
                    "--schema-registry-url=" + stack.registryUrl(), "--producer-config=" + producerConfig)).isNotZero();

            // PLAINTEXT against the SASL_SSL port: the broker never answers, the call runs out of time.
            try (Admin plaintext = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    stack.bootstrapServers(), CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                    CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 4_000))) {
                assertThatThrownBy(() -> plaintext.listTopics().names().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            }

            // The simulator runs with producer.properties too: its 40 enterprises (SIM-E001..SIM-E040) and the example
            // file's 2 (EX-E001, EX-E002) reach ref.enterprise, counted by the admin: 40 + 2 = 42.
            assertThat(TopicRecordCount.await(adminSettings(stack, secure), "ref.enterprise", 42))
                    .isEqualTo(42);

            assertConsoleNamesTheFilesButNoSecret(stack, secure);
        }
    }

    /** The admin's client settings as {@code admin.properties} holds them, with the broker's address. */
    private static Map<String, Object> adminSettings(LocalStack stack, Path secure) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        load(secure.resolve("admin.properties")).forEach((key, value) -> settings.put(key.toString(), value));
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        return settings;
    }

    private static void assertConsoleNamesTheFilesButNoSecret(LocalStack stack, Path secure) throws Exception {
        String printed = stack.describe();
        List<Path> secretFiles = List.of(secure.resolve("admin.properties"), secure.resolve("producer.properties"),
                secure.resolve("credentials.properties"), secure.resolve("tls").resolve("truststore.p12"),
                secure.resolve("tls").resolve("keystore.p12"), secure.resolve("api-tokens.txt"));
        for (Path file : secretFiles) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(printed).contains(secretFiles.subList(0, 4).stream().map(Path::toString).toList());
        for (Path file : secretFiles.subList(0, 3)) {
            Properties secrets = load(file);
            for (String key : secrets.stringPropertyNames()) {
                if (key.contains("password") || key.contains("jaas") || key.contains("user.info")
                        || file.endsWith("credentials.properties")) {
                    assertThat(printed).as(file + " " + key).doesNotContain(passwordIn(secrets.getProperty(key)));
                }
            }
        }
    }

    /** The password itself: a JAAS line's {@code password="..."} or a user info's part after the colon. */
    private static String passwordIn(String value) {
        if (value.contains("password=\"")) {
            int start = value.indexOf("password=\"") + "password=\"".length();
            return value.substring(start, value.indexOf('"', start));
        }
        return value.substring(value.indexOf(':') + 1);
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The regulator's token from the user-only tokens file ({@code <role> <token>} lines). */
    private static String regulatorToken(Path tokensFile) throws Exception {
        return Files.readAllLines(tokensFile).stream().filter(line -> line.startsWith("regulator "))
                .map(line -> line.substring("regulator ".length())).findFirst().orElseThrow();
    }

    private static boolean hasVerifiedScore(HttpResponse<String> response) throws Exception {
        return response.statusCode() == 200
                && new ObjectMapper().readTree(response.body()).path("verified").path("score").isNumber();
    }

    /** The enterprise's scores from the API once it has them, or the last answer after two minutes. */
    private static JsonNode awaitEnterprise(LocalStack stack, String enterpriseId, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v1/enterprises/" + enterpriseId))
                .header("Authorization", "Bearer " + token).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        while (!hasVerifiedScore(response) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}

package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.registry.RegistryClientConfig;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;
import org.pharmamaturity.schemas.registry.SchemaRegistryClients;

@Tag("integration")
class LocalStackTest {

    @TempDir
    Path data;

    @Test
    void createsEveryTopicAndSchemaAndKeepsThemAcrossARestart() throws Exception {
        LocalStackSettings settings = LocalStackSettings.fromArgs(freePortArgs("--data-dir=" + data));
        Map<String, Integer> firstIds;

        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.createdTopics()).hasSameSizeAs(Topic.all());
            assertTopicsMatchTheirDefinitions(stack.bootstrapServers());
            assertThat(awaitRunningOrFailure(stack)).isEqualTo(KafkaStreams.State.RUNNING);
            // The background simulator's default population is 40 enterprises, each published once to ref.enterprise.
            assertThat(TopicRecordCount.await(Map.of("bootstrap.servers", stack.bootstrapServers()), Topic.REF_ENTERPRISE.name(), 40)).isEqualTo(40);
            assertApiTokensWork(stack);
            firstIds = stack.subjects();
            assertThat(firstIds.keySet()).containsExactlyElementsOf(Topic.all().stream().map(Topic::valueSubject).toList());
            SchemaRegistryClient registry = SchemaRegistryClients.create(
                    RegistryClientConfig.from(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, stack.registryUrl())));
            for (Topic<?> topic : Topic.all()) {
                assertThat(registry.getSchemaById(firstIds.get(topic.valueSubject()))).isEqualTo(topic.valueSchema());
            }
        }

        try (LocalStack restarted = LocalStack.start(settings)) {
            assertThat(restarted.createdTopics()).isEmpty();
            assertThat(restarted.subjects()).isEqualTo(firstIds);
        }
    }

    @Test
    void takenPortIsExplainedInOneLineAndNothingStarts() throws IOException {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getByName(LoopbackPorts.HOST))) {
            int taken = holder.getLocalPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            Optional<LocalStack> stack = LocalStack.startOrExplain(freePortArgs("--data-dir=" + data.resolve("run"),
                    "--registry-port=" + taken), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(stack).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("run-local: Port " + taken
                    + " on 127.0.0.1 (schema registry HTTP port) is already in use: stop the process that holds it"
                    + " (find it with `ss -ltnp 'sport = :" + taken + "'`) or configure another port.");
            assertThat(data.resolve("run")).doesNotExist();
        }
    }

    /** A regulator token, one per simulated and one per example enterprise; the plaintext file is the user's only. */
    private void assertApiTokensWork(LocalStack stack) throws Exception {
        // 1 regulator + 40 simulated (SIM-E001..SIM-E040) + 2 example enterprises (EX-E001, EX-E002) = 43
        assertThat(stack.apiTokens()).hasSize(1 + 40 + 2).containsKeys("regulator", "enterprise:SIM-E001",
                "enterprise:SIM-E040", "enterprise:EX-E001", "enterprise:EX-E002");
        assertThat(java.nio.file.Files.getPosixFilePermissions(data.resolve("api-tokens.txt")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(java.nio.file.Files.readString(data.resolve("api-tokens.sha256")))
                .doesNotContain(stack.apiTokens().get("regulator"));
        assertThat(status(stack, "/api/v1/model", stack.apiTokens().get("regulator"))).isEqualTo(200);
        assertThat(status(stack, "/api/v1/model", "guess")).isEqualTo(401);
        assertThat(status(stack, "/api/v1/enterprises/SIM-E002/history", stack.apiTokens().get("enterprise:SIM-E001")))
                .isEqualTo(403);
        // What the local run prints names the token file and shows how to read it, never a token.
        String printed = stack.describe();
        assertThat(printed).contains(data.resolve("api-tokens.txt").toString())
                .contains("curl -H \"Authorization: Bearer $T\" " + stack.apiUrl() + "/api/v1/enterprises");
        stack.apiTokens().forEach((role, token) -> assertThat(printed).as(role).doesNotContain(token));
    }

    private static int status(LocalStack stack, String path, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stack.apiUrl() + path)).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The pipeline's state once it leaves the start-up states, or the last one seen after a minute. */
    private static KafkaStreams.State awaitRunningOrFailure(LocalStack stack) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        KafkaStreams.State state = stack.streamsState();
        while ((state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            state = stack.streamsState();
        }
        return state;
    }

    private static void assertTopicsMatchTheirDefinitions(String bootstrapServers) throws Exception {
        List<String> names = Topic.all().stream().map(Topic::name).toList();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
            Map<String, String> policies = configs.entrySet().stream().collect(Collectors.toMap(
                    e -> e.getKey().name(), e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
            for (Topic<?> topic : Topic.all()) {
                assertThat(descriptions.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
                assertThat(policies.get(topic.name())).as(topic.name()).isEqualTo(topic.compacted() ? "compact" : "delete");
            }
        }
    }

    /** Options that put every port of the stack on a free one; later options override earlier ones. */
    private static String[] freePortArgs(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--kafka-port=" + LoopbackPorts.freePort(),
                "--kafka-controller-port=" + LoopbackPorts.freePort(),
                "--registry-port=" + LoopbackPorts.freePort(),
                "--registry-management-port=" + LoopbackPorts.freePort(),
                "--api-port=" + LoopbackPorts.freePort()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}

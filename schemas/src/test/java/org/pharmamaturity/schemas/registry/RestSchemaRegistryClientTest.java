package org.pharmamaturity.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.testing.ClosedPort;
import org.pharmamaturity.schemas.testing.FakeRegistryServer;
import org.pharmamaturity.schemas.testing.FakeRegistryServer.Request;

/** What the REST client sends, how often, and how it reads each answer; against a scripted HTTP server. */
@Tag("integration")
class RestSchemaRegistryClientTest {

    private static final Schema TELEMETRY = EquipmentTelemetry.getClassSchema();
    private static final String SUBJECT = "factory.equipment.telemetry-value";

    private FakeRegistryServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeRegistryServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void registersTheSchemaTextOnceThenAnswersFromTheCache() throws Exception {
        server.thenRespond(200, "{\"id\":7}");
        RestSchemaRegistryClient client = client(Map.of());

        assertThat(client.register(SUBJECT, TELEMETRY)).isEqualTo(7);
        assertThat(client.register(SUBJECT, TELEMETRY)).isEqualTo(7);
        assertThat(client.getSchemaById(7)).isSameAs(TELEMETRY); // registering also taught it id 7

        assertThat(server.requests()).hasSize(1);
        Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/factory.equipment.telemetry-value/versions");
        assertThat(new ObjectMapper().readTree(request.body()).get("schema").asText())
                .isEqualTo(TELEMETRY.toString());
    }

    @Test
    void fetchesASchemaByIdOnce() {
        server.thenRespond(200, "{\"schema\":" + quoted(TELEMETRY.toString()) + "}");
        RestSchemaRegistryClient client = client(Map.of());

        assertThat(client.getSchemaById(3)).isEqualTo(TELEMETRY);
        assertThat(client.getSchemaById(3)).isEqualTo(TELEMETRY);

        assertThat(server.requests()).extracting(Request::path).containsExactly("/schemas/ids/3");
    }

    @Test
    void unknownIdIsTypedAndNamesTheId() {
        server.thenRespond(404, "{\"error_code\":40403,\"message\":\"Schema 12 not found\"}");

        assertThatThrownBy(() -> client(Map.of()).getSchemaById(12))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> {
                    assertThat(e.schemaId()).isEqualTo(12);
                    assertThat(e.errorCode()).isEqualTo(40403);
                })
                .hasMessageContaining("no schema with id 12");
        assertThat(server.requests()).hasSize(1); // 4xx: no retry
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        server.thenRespond(503, "busy").thenRespond(500, "{\"error_code\":50001,\"message\":\"store\"}")
                .thenRespond(200, "{\"id\":4}");

        assertThat(client(Map.of("max.retries", 2)).register(SUBJECT, TELEMETRY)).isEqualTo(4);
        assertThat(server.requests()).hasSize(3); // 2 failures + the success
    }

    @Test
    void givesUpAfterMaxRetriesNamingTheStatus() {
        server.alwaysRespond(503, "{\"error_code\":50301,\"message\":\"unavailable\"}");

        assertThatThrownBy(() -> client(Map.of("max.retries", 2)).register(SUBJECT, TELEMETRY))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.errorCode()).isEqualTo(50301);
                })
                .hasMessageContaining("3 times"); // 1 try + 2 retries
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        server.thenRespond(200, "{\"id\":1}");
        Map<String, Object> auth = Map.of("basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "user:secret");

        client(auth).register(SUBJECT, TELEMETRY);

        // base64("user:secret"): "use" -> dXNl, "r:s" -> cjpz, "ecr" -> ZWNy, "et" -> ZXQ=
        assertThat(server.requests().get(0).authorization()).isEqualTo("Basic dXNlcjpzZWNyZXQ=");
    }

    @Test
    void sendsBasicAuthFromTheUrl() {
        server.thenRespond(200, "{\"id\":1}");
        String url = server.url().replace("http://", "http://user:secret@");
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                RegistryClientConfig.from(Map.of("schema.registry.url", url)));

        client.register(SUBJECT, TELEMETRY);

        assertThat(server.requests().get(0).authorization()).isEqualTo("Basic dXNlcjpzZWNyZXQ=");
    }

    @Test
    void sendsNoAuthorizationWithoutCredentials() {
        server.thenRespond(200, "{\"id\":1}");

        client(Map.of()).register(SUBJECT, TELEMETRY);

        assertThat(server.requests().get(0).authorization()).isNull();
    }

    @Test
    void unauthorizedSaysWhichSettingToCheck() {
        server.thenRespond(401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");

        assertThatThrownBy(() -> client(Map.of()).register(SUBJECT, TELEMETRY))
                .isInstanceOf(RegistryUnauthorizedException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void incompatibleCarriesTheRegistrysOwnMessage() {
        server.thenRespond(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");

        assertThatThrownBy(() -> client(Map.of()).register(SUBJECT, TELEMETRY))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                        e -> assertThat(e.registryMessage()).isEqualTo("Schema being registered is incompatible"))
                .hasMessageContaining("HTTP 409");
    }

    @Test
    void invalidSchemaIsTyped() {
        server.thenRespond(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

        assertThatThrownBy(() -> client(Map.of()).register(SUBJECT, TELEMETRY))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(42201))
                .hasMessageContaining("Invalid schema");
    }

    @Test
    void notFoundWithoutTheRegistryErrorBodyPointsAtTheUrl() {
        server.thenRespond(404, "<html>Not Found</html>");

        assertThatThrownBy(() -> client(Map.of()).getSchemaById(1))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Confluent API");
    }

    @Test
    void unreachableAfterRetriesNamesTheUrlAndWhatToDo() {
        String closed = ClosedPort.registryUrl();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", closed, "max.retries", 2, "retries.wait.ms", 1)));

        assertThatThrownBy(() -> client.getSchemaById(1))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining(closed)
                .hasMessageContaining("3 attempts")
                .hasMessageContaining("Check that the registry is running");
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutCountsAsUnreachable() {
        server.thenRespondAfter(1_000, 200, "{\"id\":1}");

        assertThatThrownBy(() -> client(Map.of("http.read.timeout.ms", 200, "max.retries", 0))
                .register(SUBJECT, TELEMETRY))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("HttpTimeoutException");
    }

    @Test
    void movesOnToTheNextUrlWhenOneIsUnreachable() {
        server.thenRespond(200, "{\"id\":9}");
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", ClosedPort.registryUrl() + "," + server.url(), "retries.wait.ms", 1)));

        assertThat(client.register(SUBJECT, TELEMETRY)).isEqualTo(9);
    }

    @Test
    void latestVersionAndCompatibilityCallsUseTheConfluentPaths() {
        server.thenRespond(200, "{\"subject\":\"" + SUBJECT + "\",\"version\":2,\"id\":5,\"schema\":"
                        + quoted(TELEMETRY.toString()) + "}")
                .thenRespond(200, "{\"is_compatible\":false,\"messages\":[\"field tag removed\"]}")
                .thenRespond(200, "{\"compatibilityLevel\":\"FULL\"}")
                .thenRespond(200, "{\"compatibility\":\"BACKWARD\"}");
        RestSchemaRegistryClient client = client(Map.of());

        assertThat(client.getLatestVersion(SUBJECT)).isEqualTo(new RegisteredSchema(SUBJECT, 2, 5, TELEMETRY));
        assertThat(client.testCompatibility(SUBJECT, TELEMETRY))
                .isEqualTo(new CompatibilityResult(false, java.util.List.of("field tag removed")));
        assertThat(client.getCompatibility(SUBJECT)).contains(CompatibilityLevel.FULL);
        client.setCompatibility(SUBJECT, CompatibilityLevel.BACKWARD);

        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET /subjects/" + SUBJECT + "/versions/latest",
                "POST /compatibility/subjects/" + SUBJECT + "/versions/latest?verbose=true",
                "GET /config/" + SUBJECT,
                "PUT /config/" + SUBJECT);
        assertThat(server.requests().get(3).body()).isEqualTo("{\"compatibility\":\"BACKWARD\"}");
    }

    private RestSchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put("schema.registry.url", server.url());
        configs.putIfAbsent("retries.wait.ms", 1);
        return new RestSchemaRegistryClient(RegistryClientConfig.from(configs));
    }

    private static String quoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.pharmamaturity.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.ApicurioRegistry;
import org.pharmamaturity.embedded.RandomSecrets;
import org.pharmamaturity.embedded.RegistryAccess;
import org.pharmamaturity.embedded.RegistrySettings;
import org.pharmamaturity.embedded.TlsMaterial;

/**
 * The REST client against a real Apicurio 3.3.3 that serves its Confluent API over HTTPS only (a certificate made
 * for this run) and takes only basic-auth users of its embedded realm: the client with the trust store and
 * credentials registers and reads schemas; without credentials, with a wrong password, or without trusting the
 * certificate, it is refused with an exception that says what to check.
 */
@Tag("integration")
class RestSchemaRegistryClientSecureApicurioTest {

    private static final Schema ORDER = new Schema.Parser().parse("""
            {"type": "record", "name": "SecureOrder", "namespace": "it",
             "fields": [{"name": "id", "type": "string"}]}""");
    private static final String USER = "pipeline";
    private static final String PASSWORD = RandomSecrets.next();

    @TempDir
    static Path directory;

    private static ApicurioRegistry registry;
    private static TlsMaterial tls;

    @BeforeAll
    static void startSecuredRegistry() {
        tls = TlsMaterial.generate(directory.resolve("tls"));
        registry = ApicurioRegistry.start(RegistrySettings.forTests()
                .withLogFile(directory.resolve("apicurio-secure.log"))
                .withAccess(RegistryAccess.httpsWithBasicAuth(tls, Map.of(USER, PASSWORD))));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theRegistryServesHttpsOnly() {
        assertThat(registry.url()).startsWith("https://localhost:");
    }

    @Test
    void aTrustingClientWithCredentialsRegistersAndReadsBack() {
        RestSchemaRegistryClient client = client(Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", USER + ":" + PASSWORD));

        int id = client.register("secure-orders-value", ORDER);

        RestSchemaRegistryClient fresh = client(Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", USER + ":" + PASSWORD));
        assertThat(fresh.getSchemaById(id)).isEqualTo(ORDER);
    }

    @Test
    void noCredentialsAre401EvenForReads() {
        RestSchemaRegistryClient anonymous = client(Map.of());

        assertThatThrownBy(() -> anonymous.register("anonymous-value", ORDER))
                .isInstanceOf(RegistryUnauthorizedException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> anonymous.getLatestVersion("secure-orders-value"))
                .isInstanceOf(RegistryUnauthorizedException.class);
    }

    @Test
    void aWrongPasswordIs401() {
        RestSchemaRegistryClient wrong = client(Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", USER + ":" + PASSWORD + "x"));

        assertThatThrownBy(() -> wrong.register("wrong-password-value", ORDER))
                .isInstanceOf(RegistryUnauthorizedException.class)
                .extracting(e -> ((SchemaRegistryException) e).httpStatus()).isEqualTo(401);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateSaysSo() {
        RestSchemaRegistryClient untrusting = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", registry.url(),
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", USER + ":" + PASSWORD,
                "max.retries", 0)));

        assertThatThrownBy(() -> untrusting.register("untrusted-value", ORDER))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("TLS handshake failed")
                .hasMessageContaining(RegistryTrustStore.LOCATION);
    }

    private static RestSchemaRegistryClient client(Map<String, Object> credentials) {
        Map<String, Object> settings = new HashMap<>(credentials);
        settings.put("schema.registry.url", registry.url());
        settings.put(RegistryTrustStore.LOCATION, tls.trustStore().toString());
        settings.put(RegistryTrustStore.PASSWORD, tls.password());
        settings.put("max.retries", 0);
        return new RestSchemaRegistryClient(RegistryClientConfig.from(settings));
    }
}

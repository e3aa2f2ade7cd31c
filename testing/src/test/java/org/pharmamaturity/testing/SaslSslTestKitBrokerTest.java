package org.pharmamaturity.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.RandomSecrets;
import org.pharmamaturity.embedded.TlsMaterial;

/**
 * The SASL_SSL broker takes a client only with a known SCRAM-SHA-512 user and its password, over TLS: a client with
 * no credentials, with TLS but no SASL, with a wrong password or an unknown user is refused. Certificates and
 * passwords are made for this run.
 */
@Tag("integration")
class SaslSslTestKitBrokerTest {

    @TempDir
    static Path certificates;

    private static SaslSslTestKitBroker broker;
    private static final String USER = "plant-e1";
    private static final String PASSWORD = RandomSecrets.next();

    @BeforeAll
    static void start() {
        broker = SaslSslTestKitBroker.start(TlsMaterial.generate(certificates));
        broker.createUser(USER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aUserWithItsPasswordIsTakenAndSeesTheCluster() throws Exception {
        try (Admin admin = Admin.create(broker.clientSettings(USER, PASSWORD))) {
            // One combined node: the cluster has exactly one broker.
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> describe(broker.clientSettings(USER, PASSWORD + "x")))
                .hasCauseInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("invalid credentials");
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThatThrownBy(() -> describe(broker.clientSettings("nobody", PASSWORD)))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientWithoutCredentialsGetsNoAnswer() {
        // PLAINTEXT against a TLS port: the broker never answers a request, the call runs out of time.
        Map<String, Object> plaintext = withShortTimeouts(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        assertThatThrownBy(() -> describe(plaintext))
                .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    @Test
    void aTlsClientWithoutSaslGetsNoAnswer() {
        // Trusted TLS but no SASL handshake: the broker closes the connection; no request is ever answered.
        Map<String, Object> tlsOnly = withShortTimeouts(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SSL.name,
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, broker.tls().trustStore().toString(),
                SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, broker.tls().password(),
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TlsMaterial.STORE_TYPE));
        assertThatThrownBy(() -> describe(tlsOnly))
                .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    private static Map<String, Object> withShortTimeouts(Map<String, Object> settings) {
        Map<String, Object> copy = new HashMap<>(settings);
        copy.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        copy.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        return copy;
    }

    private static void describe(Map<String, Object> settings) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(settings)) {
            admin.describeCluster().clusterId().get();
        }
    }
}

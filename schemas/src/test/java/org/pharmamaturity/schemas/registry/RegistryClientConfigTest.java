package org.pharmamaturity.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Confluent's client config keys, read once. */
class RegistryClientConfigTest {

    @Test
    void readsACommaSeparatedUrlListAndDropsTrailingSlashes() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url",
                "http://a:8081/apis/ccompat/v7/, http://b:8081/apis/ccompat/v7"));

        assertThat(config.urls()).containsExactly(URI.create("http://a:8081/apis/ccompat/v7"),
                URI.create("http://b:8081/apis/ccompat/v7"));
    }

    @Test
    void defaultsWhenOnlyTheUrlIsGiven() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081"));

        assertThat(config.userInfo()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.retryWait()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.retryMaxWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.cacheCapacity()).isEqualTo(1000);
    }

    @Test
    void prefixedKeyWinsOverThePlainOne() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081",
                "max.retries", "1", "schema.registry.max.retries", "5",
                "schema.registry.basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "svc:pw"));

        assertThat(config.maxRetries()).isEqualTo(5);
        assertThat(config.userInfo()).contains("svc:pw");
    }

    @Test
    void credentialsInTheUrlAreTakenOutOfIt() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url",
                "http://svc:pw@a:8081/apis/ccompat/v7"));

        assertThat(config.userInfo()).contains("svc:pw");
        assertThat(config.urls()).containsExactly(URI.create("http://a:8081/apis/ccompat/v7"));
        assertThat(config.toString()).doesNotContain("pw");
    }

    @Test
    void userInfoWithoutTheUserInfoSourceIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081",
                "basic.auth.user.info", "svc:pw")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source=USER_INFO");
    }

    @Test
    void typedValuesFromCodeAreAccepted() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(
                "schema.registry.url", List.of("http://a:8081", "http://b:8081"), "max.retries", 0,
                "http.read.timeout.ms", 1500));

        assertThat(config.urls()).hasSize(2);
        assertThat(config.maxRetries()).isZero();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void mockUrlSelectsAScope() {
        assertThat(RegistryClientConfig.from(Map.of("schema.registry.url", "mock://unit_tests")).mockScope())
                .isEqualTo(Optional.of("unit_tests"));
        assertThat(RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081")).mockScope()).isEmpty();
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "a:8081")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081",
                "max.retries", "many")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max.retries");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USER_INFO and URL");
    }

    @Test
    void theTrustStoreIsTheRegistrysOwnNotKafkas() {
        RegistryClientConfig kafkaOnly = RegistryClientConfig.from(Map.of("schema.registry.url", "https://r:8443",
                "ssl.truststore.location", "/etc/kafka/broker-ca.p12"));
        RegistryClientConfig registry = RegistryClientConfig.from(Map.of("schema.registry.url", "https://r:8443",
                "schema.registry.ssl.truststore.location", "/etc/registry-ca.p12",
                "schema.registry.ssl.truststore.password", "secret"));

        assertThat(kafkaOnly.trustStore()).isEmpty();
        assertThat(registry.trustStore()).contains(new RegistryTrustStore(java.nio.file.Path.of("/etc/registry-ca.p12"),
                Optional.of("secret"), "PKCS12"));
        assertThat(registry.toString()).doesNotContain("secret");
    }

    @Test
    void anUnreadableTrustStoreNamesTheSetting() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url", "https://r:8443",
                "schema.registry.ssl.truststore.location", "/no/such/truststore.p12"));

        assertThatThrownBy(() -> new RestSchemaRegistryClient(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.ssl.truststore.location");
    }
}

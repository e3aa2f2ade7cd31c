package org.pharmamaturity.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings come from defaults, then the file, then MATURITY_* environment variables. */
class ServiceSettingsTest {

    @Test
    void defaultsRunExactlyOnceWithTheDesignsDurations() {
        ServiceSettings settings = ServiceSettings.load(null, Map.of());
        assertThat(settings.topology()).isEqualTo(TopologySettings.DEFAULTS);
        assertThat(settings.streamsProperties()).containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("ensure.explicit.internal.resource.naming", "true");
        assertThat(settings.kafkaSettings().keySet()).noneMatch(key -> key.startsWith("maturity."));
        assertThat(settings.modelSource()).isEqualTo("cmmm-2020-reference");
        // each manufacturing type is scored by its built-in model; the reference model scores the others
        assertThat(settings.processModelSource()).isEqualTo("cmmm-process-v1");
        assertThat(settings.discreteModelSource()).isEqualTo("cmmm-discrete-v1");
        assertThat(settings.replicationFactor()).isEmpty();
    }

    @Test
    void theModelsPerManufacturingTypeComeFromTheEnvironmentToo() {
        ServiceSettings settings = ServiceSettings.load(null, Map.of("MATURITY_MODEL_PROCESS", "cmmm-process-v1",
                "MATURITY_MODEL_DISCRETE", "/etc/maturity/discrete.json"));
        assertThat(settings.processModelSource()).isEqualTo("cmmm-process-v1");
        assertThat(settings.discreteModelSource()).isEqualTo("/etc/maturity/discrete.json");
    }

    @Test
    void theEnvironmentOverridesTheFileWhichOverridesTheDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nmaturity.kpi.grace=PT2H\nsasl.mechanism=PLAIN\n"
                + "maturity.topics.replication-factor=3\n");
        ServiceSettings settings = ServiceSettings.load(file, Map.of("MATURITY_BOOTSTRAP_SERVERS", "env:9092",
                "MATURITY_DEDUP_HORIZON", "PT12H", "MATURITY_SASL_MECHANISM", "SCRAM-SHA-512"));
        assertThat(settings.kafkaSettings()).containsEntry("bootstrap.servers", "env:9092")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(settings.topology().grace()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.topology().dedupHorizon()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.replicationFactor()).isEqualTo(Optional.of((short) 3));
    }

    @Test
    void theReferenceAuditRunsAsItsOwnExactlyOnceApplication() {
        ServiceSettings settings = ServiceSettings.of(Map.of("application.id", "plant", "client.id", "svc-1",
                "num.stream.threads", "4"));
        assertThat(settings.referenceAuditProperties()).containsEntry("application.id", "plant-reference-audit")
                .containsEntry("client.id", "svc-1-reference-audit").containsEntry("num.stream.threads", "1")
                .containsEntry("processing.guarantee", "exactly_once_v2");
        // Without a client.id Kafka Streams derives one from the application.id, which already differs.
        assertThat(ServiceSettings.of(Map.of()).referenceAuditProperties()).doesNotContainKey("client.id");
        assertThat(settings.streamsProperties()).containsEntry("application.id", "plant")
                .containsEntry("num.stream.threads", "4");
    }

    @Test
    void environmentNamesDropTheOwnPrefix() {
        assertThat(ServiceSettings.environmentName("bootstrap.servers")).isEqualTo("MATURITY_BOOTSTRAP_SERVERS");
        assertThat(ServiceSettings.environmentName("maturity.validation.max-future-skew"))
                .isEqualTo("MATURITY_VALIDATION_MAX_FUTURE_SKEW");
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        SettingsException error = catchThrowableOfType(SettingsException.class, () -> ServiceSettings.of(Map.of(
                ServiceSettings.KPI_GRACE, "one hour", ServiceSettings.TOPICS_REPLICATION_FACTOR, "0")));
        assertThat(error.problems()).hasSize(2);
        assertThat(error.getMessage()).contains("maturity.kpi.grace: 'one hour' is not an ISO-8601 duration")
                .contains("maturity.topics.replication-factor");
    }

    @Test
    void programmeTargetsDefaultTo10_30_100AndAreSettings() {
        assertThat(ServiceSettings.of(Map.of()).topology().programmeTargets()).isEqualTo(new ProgrammeTargets(10, 30, 100));
        assertThat(ServiceSettings.load(null, Map.of("MATURITY_PROGRAMME_TARGET_PIONEER", "40")).topology()
                .programmeTargets()).isEqualTo(new ProgrammeTargets(10, 40, 100));
        SettingsException error = catchThrowableOfType(SettingsException.class, () -> ServiceSettings.of(Map.of(
                ServiceSettings.PROGRAMME_TARGET_SCENARIOS, "-1", ServiceSettings.PROGRAMME_TARGET_BENCHMARK, "ten")));
        assertThat(error.problems()).containsExactly(
                "maturity.programme.target.benchmark: 'ten' is not a whole number from 0 to 1000000",
                "maturity.programme.target.scenarios: '-1' is not a whole number from 0 to 1000000");
    }

    @Test
    void theStateDirectoryIsKafkasUnlessSetAndNeeds64MiBFree() {
        ServiceSettings defaults = ServiceSettings.load(null, Map.of());
        assertThat(defaults.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams"));
        // 64 MiB = 64 x 1,048,576 bytes.
        assertThat(defaults.stateMinFreeBytes()).isEqualTo(67_108_864L);

        ServiceSettings set = ServiceSettings.load(null, Map.of("MATURITY_STATE_DIR", "/var/lib/maturity",
                "MATURITY_STATE_MIN_FREE_MB", "1024"));
        assertThat(set.stateDir()).isEqualTo(Path.of("/var/lib/maturity"));
        assertThat(set.stateMinFreeBytes()).isEqualTo(1_073_741_824L);
    }

    @Test
    void theApiListensOnLoopback8080UnlessToldOtherwise() {
        ApiSettings defaults = ServiceSettings.load(null, Map.of()).api();
        assertThat(defaults).isEqualTo(new ApiSettings(8080, "127.0.0.1", "127.0.0.1", Optional.empty(), "", 1_048_576, 3));

        ApiSettings overridden = ServiceSettings.load(null, Map.of("MATURITY_API_PORT", "9090",
                "MATURITY_API_BIND_ADDRESS", "0.0.0.0", "MATURITY_API_ADVERTISED_HOST", "pod-1.maturity",
                "MATURITY_API_TOKENS", "hash regulator", "MATURITY_API_TOKENS_FILE", "/etc/maturity/tokens",
                "MATURITY_API_MIN_GROUP_SIZE", "5")).api();
        assertThat(overridden).isEqualTo(new ApiSettings(9090, "0.0.0.0", "pod-1.maturity",
                Optional.of(Path.of("/etc/maturity/tokens")), "hash regulator", 1_048_576, 5));
    }

    @Test
    void badApiNumbersAreReported() {
        SettingsException error = catchThrowableOfType(SettingsException.class, () -> ServiceSettings.of(Map.of(
                ServiceSettings.API_PORT, "80800", ServiceSettings.API_MAX_BODY_BYTES, "lots",
                ServiceSettings.API_MIN_GROUP_SIZE, "0")));
        assertThat(error.problems()).containsExactly(
                "maturity.api.port: '80800' is not a whole number from 0 to 65535",
                "maturity.api.max-body-bytes: 'lots' is not a whole number from 1 to 2147483647",
                "maturity.api.min-group-size: '0' is not a whole number from 1 to 2147483647");
    }

    @Test
    void kafkaSecurityAndRegistryCredentialsComeFromTheEnvironmentAlone() {
        ServiceSettings settings = ServiceSettings.load(null, Map.of("MATURITY_SECURITY_PROTOCOL", "SASL_SSL",
                "MATURITY_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "MATURITY_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "MATURITY_BASIC_AUTH_USER_INFO", "user:secret", "MATURITY_NOT_A_SETTING", "x"));
        assertThat(settings.kafkaSettings()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("basic.auth.user.info", "user:secret")
                .doesNotContainKey("not.a.setting");
    }

    @Test
    void theRegistryTrustStoreComesFromTheEnvironmentAndReachesTheSerdesAndBothApplications() {
        ServiceSettings settings = ServiceSettings.load(null, Map.of("MATURITY_SECURITY_PROTOCOL", "SASL_SSL",
                "MATURITY_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/maturity/registry-ca.p12",
                "MATURITY_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "changeit"));

        assertThat(settings.serdeSettings()).containsEntry("schema.registry.ssl.truststore.location",
                "/etc/maturity/registry-ca.p12").containsEntry("schema.registry.ssl.truststore.password", "changeit");
        assertThat(settings.streamsProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(settings.referenceAuditProperties()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void everyDeclaredKeyIsSetByItsVariableAndABadOneSaysWhatItMustBe() {
        SettingsException error = catchThrowableOfType(SettingsException.class, () -> ServiceSettings.load(null,
                Map.of("MATURITY_ROCKSDB_MEMORY_MB", "8", "MATURITY_TOPICS_CREATE", "maybe",
                        "MATURITY_ALERTS_DATA_SILENCE", "PT0S")));
        // reported in declaration order: data silence, topic creation, then RocksDB memory (16 MiB at least)
        assertThat(error.problems()).containsExactly(
                "maturity.alerts.data-silence: 'PT0S' is not an ISO-8601 duration such as PT1H or P1D, above zero",
                "maturity.topics.create: 'maybe' is not true or false",
                "maturity.rocksdb.memory-mb: '8' is not a whole number from 16 to 1048576");
        assertThat(error.getMessage()).startsWith("The settings from the built-in defaults with the environment");
    }
}

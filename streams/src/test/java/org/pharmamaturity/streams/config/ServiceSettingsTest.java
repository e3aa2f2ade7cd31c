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
        assertThat(settings.replicationFactor()).isEmpty();
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
}

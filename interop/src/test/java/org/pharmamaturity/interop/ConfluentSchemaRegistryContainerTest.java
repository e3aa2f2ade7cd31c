package org.pharmamaturity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The project's serde against Confluent's own Schema Registry server (the {@code cp-schema-registry} image) and an
 * Apache Kafka broker image. Needs Docker; where there is none it is reported as skipped, never as passed.
 */
@Testcontainers(disabledWithoutDocker = true)
@Tag("integration")
class ConfluentSchemaRegistryContainerTest {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1")
            .withNetwork(NETWORK)
            .withListener("kafka:19092");

    @Container
    private static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:8.0.0")
            .withNetwork(NETWORK)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .dependsOn(KAFKA)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    @Test
    void serdeRoundTripsThroughConfluentsRegistry() throws Exception {
        String registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
        ProjectSerde project = new ProjectSerde(KAFKA.getBootstrapServers(), registryUrl);
        EquipmentTelemetry written = InteropRecords.aTelemetry().build();
        project.createTopic("interop.confluent.telemetry");

        project.write("interop.confluent.telemetry", List.of("EQ-LYO-01"), List.of(written));
        List<Object> read = project.read("interop.confluent.telemetry", 1);

        assertThat(read).containsExactly(written);
        EquipmentTelemetry telemetry = (EquipmentTelemetry) read.get(0);
        assertThat(telemetry.getValue()).isEqualTo(-42.75);
        assertThat(telemetry.getEventTime()).isEqualTo("2026-03-01T08:15:30.123Z");
    }
}

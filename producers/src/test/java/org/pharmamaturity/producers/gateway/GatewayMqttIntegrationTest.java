package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.MosquittoBroker;
import org.pharmamaturity.producers.testing.GatewayRun;
import org.pharmamaturity.producers.testing.MqttPublisher;
import org.pharmamaturity.producers.testing.TopicProbe;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.avro.TelemetryQuality;
import org.pharmamaturity.testing.EmbeddedStack;
import org.pharmamaturity.testing.TestMosquitto;

/**
 * The gateway between a real Mosquitto broker and the embedded Kafka and registry, with the default UNS mapping:
 * JSON published by a plant becomes exactly the expected Avro records, what cannot be used lands in maturity.dlq with
 * its reason and bytes, and a message delivered twice is sent once.
 */
@Tag("integration")
class GatewayMqttIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String enterprise = "GW-E-" + run;
    private final String filler = "GW-FL-" + run;
    private final String base = enterprise + "/S1/packaging/line-1/" + filler;

    private EmbeddedStack stack;
    private TopicProbe probe;
    private MosquittoBroker mosquitto;
    private Gateway gateway;
    private MqttPublisher plant;

    @BeforeEach
    void start(@TempDir Path work) throws Exception {
        mosquitto = TestMosquitto.start(work);
        stack = EmbeddedStack.shared();
        probe = new TopicProbe(stack);
        gateway = Gateway.start(GatewayRun.settings(stack.bootstrapServers(), stack.registryUrl(), mosquitto.uri(),
                "gw-" + run, Set.of(filler), work.resolve("buffer")));
        plant = new MqttPublisher(mosquitto.uri());
    }

    @AfterEach
    void stop() throws Exception {
        if (plant != null) {
            plant.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void statesCountsAndTelemetryBecomeTheExpectedRecords() throws Exception {
        plant.publish(base + "/state", "{\"timestamp\": \"2026-03-01T06:00:00Z\", \"state\": 1}");
        // epoch milliseconds: 2026-03-01T00:00Z is 1 772 323 200 s; + 6 h 10 min (22 200 s) = 1 772 345 400 000 ms
        plant.publish(base + "/count", "{\"timestamp\": 1772345400000, \"good\": 570, \"reject\": 30, "
                + "\"idealCycleTimeMs\": 1000, \"batchId\": \"B-1\"}");
        plant.publish(base + "/state", "{\"timestamp\": \"2026-03-01T06:30:00Z\", \"state\": 4, \"reason\": \"JAM\"}");
        plant.publish(base + "/telemetry", "{\"timestamp\": \"2026-03-01T06:00:00Z\", \"tag\": \"TT-101.PV\", "
                + "\"value\": 36.6, \"unit\": \"Cel\", \"quality\": \"UNCERTAIN\"}");
        plant.publish(base + "/telemetry", "{\"timestamp\": \"2026-03-01T06:00:00Z\", \"tag\": \"PT-7\", \"value\": 2}");

        List<EquipmentStateChange> states = await().atMost(WAIT).until(() -> probe.values(
                Topic.FACTORY_EQUIPMENT_STATE.name(), EquipmentStateChange.class).stream()
                .filter(s -> s.getEquipmentId().equals(filler)).toList(), found -> found.size() >= 2);
        // state code 1 is RUNNING and 4 UNPLANNED_STOP in the default table; the event id is derived from the
        // source (mqtt:<topic>) and the source timestamp
        assertThat(states).containsExactly(
                new EquipmentStateChange(id("mqtt:" + base + "/state", "2026-03-01T06:00:00Z"),
                        Instant.parse("2026-03-01T06:00:00Z"), enterprise, "S1", filler, EquipmentState.RUNNING, null),
                new EquipmentStateChange(id("mqtt:" + base + "/state", "2026-03-01T06:30:00Z"),
                        Instant.parse("2026-03-01T06:30:00Z"), enterprise, "S1", filler, EquipmentState.UNPLANNED_STOP,
                        "JAM"));

        List<ProductionCount> counts = await().atMost(WAIT).until(() -> probe.values(
                Topic.FACTORY_PRODUCTION_COUNT.name(), ProductionCount.class).stream()
                .filter(c -> c.getEquipmentId().equals(filler)).toList(), found -> !found.isEmpty());
        assertThat(counts).containsExactly(new ProductionCount(id("mqtt:" + base + "/count", "2026-03-01T06:10:00Z"),
                Instant.parse("2026-03-01T06:10:00Z"), enterprise, "S1", filler, "B-1", 570L, 30L, 1000.0));

        List<EquipmentTelemetry> telemetry = await().atMost(WAIT).until(() -> probe.values(
                Topic.FACTORY_EQUIPMENT_TELEMETRY.name(), EquipmentTelemetry.class).stream()
                .filter(t -> t.getEquipmentId().equals(filler)).toList(), found -> found.size() >= 2);
        // two tags on one topic at one time are two events: the tag is part of the source
        assertThat(telemetry).containsExactly(
                new EquipmentTelemetry(id("mqtt:" + base + "/telemetry#TT-101.PV", "2026-03-01T06:00:00Z"),
                        Instant.parse("2026-03-01T06:00:00Z"), enterprise, "S1", filler, "TT-101.PV", 36.6, "Cel",
                        TelemetryQuality.UNCERTAIN),
                new EquipmentTelemetry(id("mqtt:" + base + "/telemetry#PT-7", "2026-03-01T06:00:00Z"),
                        Instant.parse("2026-03-01T06:00:00Z"), enterprise, "S1", filler, "PT-7", 2.0, null,
                        TelemetryQuality.GOOD));
    }

    @Test
    void unusableMessagesLandInTheDeadLetterTopicWithTheirReason() throws Exception {
        String malformed = "{\"timestamp\": \"2026-03-01T06:00:00Z\", \"state\": ";
        String unknownTopic = enterprise + "/S1/packaging/line-1/GW-UNKNOWN-" + run + "/state";
        String unmapped = enterprise + "/S1/notes";
        String negative = "{\"timestamp\": \"2026-03-01T06:10:00Z\", \"good\": -5, \"reject\": 0, \"idealCycleTimeMs\": 1000}";
        plant.publish(base + "/state", malformed);
        plant.publish(unknownTopic, "{\"timestamp\": \"2026-03-01T06:00:00Z\", \"state\": 1}");
        plant.publish(unmapped, "{\"text\": \"shift handover\"}");
        plant.publish(base + "/count", negative);

        List<DeadLetter> letters = await().atMost(WAIT).until(() -> probe.values(Topic.MATURITY_DLQ.name(),
                DeadLetter.class).stream().filter(d -> d.getSourceTopic().contains(run)).toList(), found -> found.size() >= 4);
        assertThat(letters).extracting(DeadLetter::getSourceTopic, DeadLetter::getReason, DeadLetter::getSourcePartition)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("mqtt:" + base + "/state", DeadLetterReason.MALFORMED_PAYLOAD, -1),
                        org.assertj.core.groups.Tuple.tuple("mqtt:" + unknownTopic, DeadLetterReason.UNKNOWN_EQUIPMENT, -1),
                        org.assertj.core.groups.Tuple.tuple("mqtt:" + unmapped, DeadLetterReason.UNMAPPED_SOURCE, -1),
                        org.assertj.core.groups.Tuple.tuple("mqtt:" + base + "/count", DeadLetterReason.INVALID_VALUE, -1));
        DeadLetter malformedLetter = letters.stream().filter(d -> d.getReason() == DeadLetterReason.MALFORMED_PAYLOAD)
                .findFirst().orElseThrow();
        assertThat(text(malformedLetter.getValue())).isEqualTo(malformed);
        assertThat(text(malformedLetter.getKey())).isEqualTo(filler);
        DeadLetter invalid = letters.stream().filter(d -> d.getReason() == DeadLetterReason.INVALID_VALUE)
                .findFirst().orElseThrow();
        assertThat(invalid.getErrorMessage()).contains("goodCount: '-5' is negative");
        assertThat(text(invalid.getValue())).isEqualTo(negative);

        assertThat(GatewayRun.scrape(gateway))
                .contains("maturity_gateway_dead_letters_total{reason=\"MALFORMED_PAYLOAD\"} 1.0")
                .contains("maturity_gateway_dead_letters_total{reason=\"UNKNOWN_EQUIPMENT\"} 1.0")
                .contains("maturity_gateway_dead_letters_total{reason=\"UNMAPPED_SOURCE\"} 1.0")
                .contains("maturity_gateway_dead_letters_total{reason=\"INVALID_VALUE\"} 1.0");
    }

    @Test
    void aMessageDeliveredTwiceIsSentOnce() throws Exception {
        String payload = "{\"timestamp\": \"2026-03-01T07:00:00Z\", \"good\": 100, \"reject\": 2, \"idealCycleTimeMs\": 500}";
        // A QoS 1 redelivery repeats topic and payload; so does a plant that resends after a lost PUBACK.
        plant.publish(base + "/count", payload);
        plant.publish(base + "/count", payload);
        plant.publish(base + "/count", "{\"timestamp\": \"2026-03-01T07:01:00Z\", \"good\": 7, \"reject\": 0, \"idealCycleTimeMs\": 500}");

        List<ProductionCount> counts = await().atMost(WAIT).until(() -> probe.values(
                Topic.FACTORY_PRODUCTION_COUNT.name(), ProductionCount.class).stream()
                .filter(c -> c.getEquipmentId().equals(filler)).toList(), found -> found.size() >= 2);
        // 100 + 7 good units: the repeated message is not sent again
        assertThat(counts).extracting(ProductionCount::getGoodCount).containsExactly(100L, 7L);
        assertThat(GatewayRun.scrape(gateway))
                .contains("maturity_gateway_messages_total{outcome=\"duplicate\",protocol=\"mqtt\"} 1.0")
                .contains("maturity_gateway_messages_total{outcome=\"accepted\",protocol=\"mqtt\"} 2.0");
    }

    private static String id(String source, String sourceTime) {
        return UUID.nameUUIDFromBytes((source + "|" + sourceTime).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }
}

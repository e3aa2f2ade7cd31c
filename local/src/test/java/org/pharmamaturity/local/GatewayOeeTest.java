package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.embedded.MosquittoBroker;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.ProducersCli;
import org.pharmamaturity.producers.gateway.BufferFullPolicy;
import org.pharmamaturity.producers.gateway.Gateway;
import org.pharmamaturity.producers.gateway.GatewayMapping;
import org.pharmamaturity.producers.gateway.GatewaySettings;
import org.pharmamaturity.producers.gateway.MqttSettings;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;
import org.pharmamaturity.testing.TestMosquitto;

/**
 * The whole path from the shop floor: a plant publishes its filler's states and counts as JSON on a real Mosquitto
 * broker under the default UNS tree, the gateway turns them into records, and the pipeline of the local stack
 * computes the filler's OEE for the day, which must equal the figure worked out by hand.
 */
@Tag("integration")
class GatewayOeeTest {

    private static final Path EXAMPLES = Path.of("..", "producers", "examples");
    private static final String FILLER = "EX-E001-FL1";
    private static final String TREE = "EX-E001/EX-E001-S1/filling/EX-E001-L1/" + FILLER;

    @TempDir
    Path data;

    @Test
    void oeeFromMqttMessagesEqualsTheHandComputedValue() throws Exception {
        LocalStackSettings settings = LocalStackSettings.fromArgs("--data-dir=" + data.resolve("stack"),
                "--simulator-rate=0", "--kafka-port=" + LoopbackPorts.freePort(),
                "--kafka-controller-port=" + LoopbackPorts.freePort(), "--registry-port=" + LoopbackPorts.freePort(),
                "--registry-management-port=" + LoopbackPorts.freePort(), "--api-port=" + LoopbackPorts.freePort());
        try (MosquittoBroker mosquitto = TestMosquitto.start(data);
                LocalStack stack = LocalStack.start(settings)) {
            ingest(stack, "enterprises", "enterprises.csv");
            ingest(stack, "equipment", "equipment.csv");
            GatewaySettings gatewaySettings = new GatewaySettings(
                    new ProducerSettings(stack.bootstrapServers(), stack.registryUrl(), Map.of()),
                    GatewayMapping.defaultMapping(), null, new MqttSettings(mosquitto.uri(), "oee-gateway", null, null,
                    null, null), null, data.resolve("buffer"), 16L * 1024 * 1024, BufferFullPolicy.STOP_ACKNOWLEDGING,
                    "127.0.0.1", 0);
            try (Gateway gateway = Gateway.start(gatewaySettings);
                    MqttClient plant = new MqttClient(mosquitto.uri(), "oee-plant", new MemoryPersistence())) {
                plant.connect();
                // state codes of the default table: 1 RUNNING, 2 IDLE, 3 PLANNED_STOP, 4 UNPLANNED_STOP
                publish(plant, "state", "{\"timestamp\": \"2026-03-01T00:00:00Z\", \"state\": 1}");
                publish(plant, "state", "{\"timestamp\": \"2026-03-01T08:00:00Z\", \"state\": 3}");
                publish(plant, "state", "{\"timestamp\": \"2026-03-01T09:00:00Z\", \"state\": 1}");
                publish(plant, "count", "{\"timestamp\": \"2026-03-01T12:00:00Z\", \"good\": 1520, \"reject\": 80, "
                        + "\"idealCycleTimeMs\": 45000}");
                publish(plant, "state", "{\"timestamp\": \"2026-03-01T15:00:00Z\", \"state\": 4, \"reason\": \"JAM\"}");
                publish(plant, "state", "{\"timestamp\": \"2026-03-01T16:00:00Z\", \"state\": 1}");
                // half an hour into the next day: the day is accounted to midnight
                publish(plant, "state", "{\"timestamp\": \"2026-03-02T00:30:00Z\", \"state\": 2}");
                plant.disconnect();

                EquipmentKpi kpi = equipmentDay(stack, Topic.dailyKey(FILLER, java.time.LocalDate.parse("2026-03-01")));
                // observed 24 h, planned stop 08:00-09:00 = 1 h, so planned time 23 h; running 00-08, 09-15 and
                // 16-24 = 8 + 6 + 8 = 22 h -> availability 22/23.
                // 1 600 units x 45 s ideal = 72 000 s = 20 h ideal -> performance 20/22 = 10/11.
                // quality 1 520 / 1 600 = 0.95. OEE = 22/23 x 10/11 x 0.95 = 20/23 x 0.95 = 19/23 = 0.826086...
                assertThat(kpi.getValues().get("availability").getValue()).isCloseTo(22.0 / 23, within(1e-12));
                assertThat(kpi.getValues().get("performance").getValue()).isCloseTo(10.0 / 11, within(1e-12));
                assertThat(kpi.getValues().get("quality").getValue()).isCloseTo(0.95, within(1e-12));
                assertThat(kpi.getValues().get("oee").getValue()).isCloseTo(19.0 / 23, within(1e-12));
            }
        }
    }

    private static void publish(MqttClient plant, String kind, String json) throws Exception {
        plant.publish(TREE + "/" + kind, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private static void ingest(LocalStack stack, String kind, String file) {
        assertThat(ProducersCli.commandLine().execute("ingest", kind, "--bootstrap-servers=" + stack.bootstrapServers(),
                "--schema-registry-url=" + stack.registryUrl(), EXAMPLES.resolve(file).toString())).as(kind).isZero();
    }

    /** The latest kpi.equipment.daily value of {@code key} whose OEE is known, waiting up to two minutes. */
    private static EquipmentKpi equipmentDay(LocalStack stack, String key) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-oee-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, EquipmentKpi.class.getName());
        AvroDeserializer<EquipmentKpi> values = new AvroDeserializer<>();
        values.configure(config, false);
        EquipmentKpi latest = null;
        try (KafkaConsumer<String, EquipmentKpi> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topic.KPI_EQUIPMENT_DAILY.name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!complete(latest) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EquipmentKpi> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(key)) {
                        latest = record.value();
                    }
                }
            }
        }
        assertThat(latest).as("kpi.equipment.daily " + key).isNotNull();
        return latest;
    }

    /** The day is complete once its observed time is the whole day (24 h = 86 400 000 ms) and a count arrived. */
    private static boolean complete(EquipmentKpi kpi) {
        return kpi != null && kpi.getComponents() != null && kpi.getComponents().getObservedMs() == 86_400_000L
                && kpi.getComponents().getGoodCount() == 1520;
    }
}

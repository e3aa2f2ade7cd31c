package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LocalBrokerSettings;
import org.pharmamaturity.embedded.LocalKafkaBroker;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.embedded.MosquittoBroker;
import org.pharmamaturity.producers.testing.GatewayRun;
import org.pharmamaturity.producers.testing.MqttPublisher;
import org.pharmamaturity.producers.testing.TopicProbe;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.testing.EmbeddedStack;
import org.pharmamaturity.testing.TestMosquitto;

/**
 * Kafka stops while the plant keeps publishing; the gateway is restarted once during the outage (and the plant
 * publishes while no gateway runs); Kafka returns. Every count arrives exactly once and in order per equipment.
 * The test has a Kafka broker of its own (fixed ports, data kept across its restart); the registry is the shared one.
 */
@Tag("integration")
class StoreAndForwardTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String first = "SF-A-" + run;
    private final String second = "SF-B-" + run;

    @Test
    void everyRecordArrivesOnceAndInOrderAfterAnOutageAndARestart(@TempDir Path work) throws Exception {
        String registry = EmbeddedStack.shared().registryUrl();
        LocalBrokerSettings kafkaSettings = new LocalBrokerSettings(LoopbackPorts.freePort(), LoopbackPorts.freePort(),
                work.resolve("kafka"));
        LocalKafkaBroker kafka = LocalKafkaBroker.start(kafkaSettings);
        try (MosquittoBroker mosquitto = TestMosquitto.start(work); MqttPublisher plant = new MqttPublisher(mosquitto.uri())) {
            GatewaySettings settings = GatewayRun.settings(kafka.bootstrapServers(), registry, mosquitto.uri(),
                    "sf-" + run, Set.of(first, second), work.resolve("buffer"));
            TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), registry);
            Gateway gateway = Gateway.start(settings);
            publish(plant, 1, 20);
            await().atMost(WAIT).until(() -> counts(probe).size() == 20);

            kafka.close();
            publish(plant, 21, 50);
            await().atMost(WAIT).until(() -> GatewayRun.scrape(gateway)
                    .contains("maturity_gateway_messages_total{outcome=\"accepted\",protocol=\"mqtt\"} 50.0"));
            gateway.close();
            // no gateway: Mosquitto keeps the persistent session's QoS 1 messages
            publish(plant, 51, 60);
            try (Gateway restarted = Gateway.start(settings)) {
                publish(plant, 61, 80);
                // 20 more before the restart + 20 after it, counted by the restarted gateway: 10 queued + 20 new = 30
                await().atMost(WAIT).until(() -> GatewayRun.scrape(restarted)
                        .contains("maturity_gateway_messages_total{outcome=\"accepted\",protocol=\"mqtt\"} 30.0"));
                kafka = LocalKafkaBroker.start(kafkaSettings);

                List<ProductionCount> counts = await().atMost(WAIT).until(() -> counts(probe), found -> found.size() >= 80);
                // message i carries goodCount i and goes to the first equipment when odd, the second when even
                assertThat(counts.stream().filter(c -> c.getEquipmentId().equals(first)).map(ProductionCount::getGoodCount))
                        .containsExactlyElementsOf(LongStream.iterate(1, i -> i <= 79, i -> i + 2).boxed().toList());
                assertThat(counts.stream().filter(c -> c.getEquipmentId().equals(second)).map(ProductionCount::getGoodCount))
                        .containsExactlyElementsOf(LongStream.iterate(2, i -> i <= 80, i -> i + 2).boxed().toList());
                assertThat(counts).hasSize(80);
            }
        } finally {
            kafka.close();
        }
    }

    private void publish(MqttPublisher plant, int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            String equipment = i % 2 == 1 ? first : second;
            // one count per second of 2026-03-01 from 06:00:00, so every message has its own source timestamp
            String time = java.time.Instant.parse("2026-03-01T06:00:00Z").plusSeconds(i).toString();
            plant.publish("SF-E/S1/packing/L1/" + equipment + "/count", "{\"timestamp\": \"" + time + "\", \"good\": "
                    + i + ", \"reject\": 0, \"idealCycleTimeMs\": 1000}");
        }
    }

    private List<ProductionCount> counts(TopicProbe probe) {
        return probe.values(Topic.FACTORY_PRODUCTION_COUNT.name(), ProductionCount.class).stream()
                .filter(c -> c.getEquipmentId().startsWith("SF-") && c.getEquipmentId().endsWith(run)).toList();
    }
}

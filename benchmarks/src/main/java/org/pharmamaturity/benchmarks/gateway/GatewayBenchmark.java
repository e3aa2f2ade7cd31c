package org.pharmamaturity.benchmarks.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.pharmamaturity.benchmarks.CommandMain;
import org.pharmamaturity.benchmarks.pipeline.BenchStack;
import org.pharmamaturity.embedded.MosquittoBroker;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.TopicSetup;
import org.pharmamaturity.producers.gateway.BufferFullPolicy;
import org.pharmamaturity.producers.gateway.Gateway;
import org.pharmamaturity.producers.gateway.GatewayMapping;
import org.pharmamaturity.producers.gateway.GatewaySettings;
import org.pharmamaturity.producers.gateway.MqttSettings;
import org.pharmamaturity.producers.simulate.SimEvent;
import org.pharmamaturity.producers.simulate.UnsMqttPublisher;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ProductionCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of the plant gateway, MQTT to Kafka, beside a raw Kafka producer in the same run (BENCHMARKS.md,
 * "Plant gateway"). A backlog of count messages waits in Mosquitto for the gateway's persistent session; the gateway
 * is started and timed until Kafka acknowledged all of them (mapping, validation, fsync to the buffer, manual MQTT
 * acknowledgement, idempotent acks=all producer). The raw producer then sends the same number of ProductionCount
 * records with the same serializer and producer settings.
 */
@Command(name = "bench-gateway", mixinStandardHelpOptions = true,
        description = "Messages per second of the gateway (MQTT -> Kafka) beside a raw Kafka producer, same run.")
public final class GatewayBenchmark implements Callable<Integer> {

    private static final String CLIENT_ID = "bench-gateway";

    @Option(names = "--messages", defaultValue = "20000", description = "Messages in the backlog (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--equipment", defaultValue = "20", description = "Equipment the messages are spread over (default: ${DEFAULT-VALUE}).")
    int equipment;

    @Option(names = "--work-dir", defaultValue = "target/bench-gateway",
            description = "Broker, registry and buffer data (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(workDir);
        Path run = Files.createTempDirectory(workDir.toAbsolutePath(), "run-");
        try (BenchStack stack = BenchStack.inProcess(run.resolve("stack"));
                MosquittoBroker mosquitto = MosquittoBroker.start(run)) {
            ProducerSettings producer = new ProducerSettings(stack.bootstrapServers(), stack.registryUrl(), Map.of());
            GatewaySettings settings = new GatewaySettings(producer, GatewayMapping.defaultMapping(), null,
                    new MqttSettings(mosquitto.uri(), CLIENT_ID, null, null, null, null), null, run.resolve("buffer"),
                    1024L * 1024 * 1024, BufferFullPolicy.STOP_ACKNOWLEDGING, "127.0.0.1", 0);
            // The first start creates the persistent session and its subscription, then the backlog queues for it.
            Gateway.start(settings).close();
            double publishRate = publishBacklog(mosquitto.uri(), "GW");
            long start = System.nanoTime();
            try (Gateway gateway = Gateway.start(settings)) {
                while (gateway.metrics().forwardedCount() < messages) {
                    Thread.sleep(20);
                }
            }
            double gatewayRate = messages / seconds(start);
            double rawRate = rawProducerRate(producer);
            System.out.printf("bench-gateway: %d count messages over %d equipment%n", messages, equipment);
            System.out.printf("  plant publisher -> Mosquitto (QoS 1, sync)   %,10.0f msg/s%n", publishRate);
            System.out.printf("  gateway MQTT -> Kafka (acked, buffered)      %,10.0f msg/s%n", gatewayRate);
            System.out.printf("  raw Kafka producer (same serde, acks=all)     %,10.0f msg/s%n", rawRate);
            System.out.printf("  gateway / raw producer                        %10.3f%n", gatewayRate / rawRate);
        }
        return 0;
    }

    private double publishBacklog(String mqttUri, String prefix) {
        long start = System.nanoTime();
        try (UnsMqttPublisher plant = new UnsMqttPublisher(mqttUri)) {
            for (int i = 0; i < messages; i++) {
                plant.publish(event(prefix, i));
            }
        }
        return messages / seconds(start);
    }

    private double rawProducerRate(ProducerSettings settings) {
        TopicSetup.ensure(settings, java.util.List.of(Topic.FACTORY_PRODUCTION_COUNT));
        long start = System.nanoTime();
        try (RecordPublisher publisher = new RecordPublisher(settings, Map.of())) {
            for (int i = 0; i < messages; i++) {
                SimEvent<ProductionCount> event = event("RAW", i);
                publisher.send(event.topic(), event.key(), event.value());
            }
            publisher.flush();
        }
        return messages / seconds(start);
    }

    /** Count message {@code i}: one equipment of {@link #equipment}, one second after the previous one. */
    private SimEvent<ProductionCount> event(String prefix, int i) {
        String equipmentId = prefix + "-EQ-" + (i % equipment);
        Instant time = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i);
        ProductionCount count = new ProductionCount(UUID.randomUUID().toString(), time, "BENCH-E", "BENCH-S1",
                equipmentId, null, 10L, 1L, 1000.0);
        return new SimEvent<>(Topic.FACTORY_PRODUCTION_COUNT, equipmentId, count, time.toEpochMilli());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public static void main(String[] args) {
        CommandMain.run(new GatewayBenchmark(), "bench-gateway", args);
    }
}

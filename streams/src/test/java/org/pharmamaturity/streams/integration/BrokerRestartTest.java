package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LocalBrokerSettings;
import org.pharmamaturity.embedded.LocalKafkaBroker;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.testing.EmbeddedStack;

/**
 * The broker stops and comes back while data flows: the producer retries, the service's stream threads fail and
 * are replaced, and after recovery every count the producer had acknowledged is counted exactly once (no loss, no
 * duplicates under exactly_once_v2). The test has a broker of its own (fixed ports, data kept across the restart),
 * so the shared one stays up for the other tests.
 */
@Tag("integration")
class BrokerRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int COUNTS = 600;
    private static final long PAUSE_MS = 25;
    private static final long STOP_AFTER_MS = 4_000;
    private static final long DOWN_MS = 5_000;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void noCountIsLostOrCountedTwiceAcrossABrokerRestart(@TempDir Path work) throws Exception {
        LocalBrokerSettings brokerSettings = new LocalBrokerSettings(LoopbackPorts.freePort(),
                LoopbackPorts.freePort(), work.resolve("kafka"));
        LocalKafkaBroker broker = LocalKafkaBroker.start(brokerSettings);
        try {
            EmbeddedTopics topics = new EmbeddedTopics(broker.bootstrapServers(), EmbeddedStack.shared().registryUrl());
            CountedReadings readings = new CountedReadings(run, LocalDate.parse("2025-09-01"));
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            try (KafkaProducer<String, SpecificRecord> producer = topics.producer();
                    MaturityStreamsService service = MaturityStreamsService.start(
                            ServiceSettings.of(topics.serviceSettings("it-broker-" + run, work)),
                            new CountingPipelineMeters())) {
                readings.register(producer);
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < COUNTS; i++) {
                        producer.send(readings.count(i), (metadata, error) ->
                                (error == null ? acknowledged : failed).incrementAndGet());
                        pause(PAUSE_MS);
                    }
                    producer.flush();
                });
                Thread.sleep(STOP_AFTER_MS);
                assertThat(sending).as("counts still flowing when the broker stops").isNotDone();
                broker.close();
                Thread.sleep(DOWN_MS);
                broker = LocalKafkaBroker.start(brokerSettings);
                sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);

                // Every count sent was acknowledged (the producer retried through the outage): 600.
                assertThat(failed.get()).isZero();
                assertThat(acknowledged.get()).isEqualTo(COUNTS);
                assertThat(readings.goodCount(topics, acknowledged.get(), WAIT)).isEqualTo(600);
                assertThat(service.streams().state().isRunningOrRebalancing()).isTrue();
            }
        } finally {
            broker.close();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.pharmamaturity.producers.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.TopicSetup;
import org.pharmamaturity.schemas.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: plant sources (MQTT, OPC UA) feed the {@link GatewayIntake}, which stores records and dead
 * letters in the {@link DiskBuffer}; the {@link Forwarder} sends them to Kafka; {@link MetricsServer} serves
 * {@code /metrics}. Closing it stops taking messages, acknowledges what is on disk, closes the sources, then the
 * forwarder, so nothing acknowledged is lost.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /**
     * Producer timeouts short enough that an outage is noticed in seconds and the forwarder's retry starts over;
     * a --producer-config file may set others.
     */
    private static final Map<String, Object> PRODUCER_TUNING = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
            ProducerConfig.LINGER_MS_CONFIG, 5);

    /** The topics the gateway writes, created (when missing) before its first send. */
    private static final List<Topic<?>> TOPICS = Stream.concat(InputTopics.ALL.stream(), Stream.of(Topic.MATURITY_DLQ))
            .toList();

    private final GatewayMetrics metrics;
    private final DiskBuffer buffer;
    private final GatewayIntake intake;
    private final Forwarder forwarder;
    private final MetricsServer metricsServer;
    private final List<AutoCloseable> sources = new ArrayList<>();

    private Gateway(GatewaySettings settings, Clock clock) {
        metrics = new GatewayMetrics();
        buffer = DiskBuffer.open(settings.bufferDir(), settings.bufferBytes());
        metrics.bindBuffer(buffer);
        intake = new GatewayIntake(buffer, metrics, settings.fullPolicy(), clock);
        Map<String, Object> tuning = new HashMap<>(PRODUCER_TUNING);
        settings.producer().clientProperties().forEach(tuning::put);
        forwarder = new Forwarder(buffer, () -> new RecordPublisher(settings.producer(), tuning), metrics, 500,
                () -> TopicSetup.ensure(settings.producer(), TOPICS));
        metricsServer = MetricsServer.start(settings.metricsHost(), settings.metricsPort(), metrics);
    }

    /** Starts every part of the gateway {@code settings} describe. */
    public static Gateway start(GatewaySettings settings) {
        return start(settings, Clock.systemUTC());
    }

    static Gateway start(GatewaySettings settings, Clock clock) {
        Gateway gateway = new Gateway(settings, clock);
        try {
            gateway.forwarder.start();
            RecordAssembler assembler = new RecordAssembler(settings.knownEquipment());
            if (settings.mqtt() != null) {
                gateway.sources.add(MqttSource.start(settings.mqtt(), settings.mapping(), assembler, gateway.intake,
                        gateway.metrics, clock));
            }
            if (settings.opcua() != null) {
                gateway.sources.add(OpcUaSource.start(settings.opcua(), settings.mapping(), assembler, gateway.intake,
                        gateway.metrics, clock));
            }
            LOG.info("gateway running: buffer {} ({} of {} bytes waiting), metrics on port {}", settings.bufferDir(),
                    gateway.buffer.usedBytes(), settings.bufferBytes(), gateway.metricsPort());
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /** The port {@code /metrics} is served on. */
    public int metricsPort() {
        return metricsServer.port();
    }

    /** The gateway's meters (tests read them; operators scrape {@code /metrics}). */
    public GatewayMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        try {
            // Acknowledge what is on disk while the sources are still connected; later messages are refused
            // unacknowledged, so their sources deliver them again after the restart.
            intake.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable source : sources.reversed()) {
            try {
                source.close();
            } catch (Exception e) {
                LOG.warn("stopping a plant source: {}", e.toString());
            }
        }
        try {
            forwarder.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        buffer.close();
        metricsServer.close();
    }
}

package org.pharmamaturity.producers.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * The gateway's meters, served at its {@code /metrics} in the Prometheus text format (names in docs/gateway.md, "Plant
 * gateway"): messages by protocol and outcome, dead letters by reason, records forwarded, the buffer's fill and
 * drops, and whether Kafka and each plant source are reachable. Labels are bounded: protocol, outcome, reason,
 * and the OPC UA node ids of the mapping file.
 */
public final class GatewayMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger kafkaUp = new AtomicInteger();
    private final Map<String, AtomicInteger> sourceUp = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> itemGood = new ConcurrentHashMap<>();
    private final Counter forwarded;
    private final Counter dropped;
    private final Counter bufferFull;

    public GatewayMetrics() {
        forwarded = Counter.builder("maturity.gateway.forwarded").description("Records Kafka acknowledged")
                .register(registry);
        dropped = Counter.builder("maturity.gateway.buffer.dropped")
                .description("Buffered records dropped because the buffer was full (policy DROP_OLDEST)").register(registry);
        bufferFull = Counter.builder("maturity.gateway.buffer.full")
                .description("Times a message found the buffer full").register(registry);
        Gauge.builder("maturity.gateway.kafka.up", kafkaUp, AtomicInteger::get)
                .description("1 when the last send to Kafka (and the registry) succeeded").register(registry);
    }

    /** Serves the buffer's fill and bound as gauges. */
    public void bindBuffer(DiskBuffer buffer) {
        Gauge.builder("maturity.gateway.buffer.bytes", buffer, DiskBuffer::usedBytes)
                .description("Bytes of records waiting in the store-and-forward buffer").register(registry);
        Gauge.builder("maturity.gateway.buffer.capacity.bytes", buffer, DiskBuffer::capacityBytes)
                .description("The buffer's size bound").register(registry);
    }

    /** One plant message and what became of it: {@code accepted}, {@code rejected} or {@code duplicate}. */
    public void message(String protocol, String outcome) {
        Counter.builder("maturity.gateway.messages").description("Plant messages received, by outcome")
                .tag("protocol", protocol).tag("outcome", outcome).register(registry).increment();
    }

    /** One dead letter written for {@code reason}. */
    public void deadLetter(DeadLetterReason reason) {
        Counter.builder("maturity.gateway.dead.letters").description("Plant messages sent to maturity.dlq, by reason")
                .tag("reason", reason.name()).register(registry).increment();
    }

    public void forwarded(int records) {
        forwarded.increment(records);
    }

    /** Records Kafka acknowledged since the gateway started (what a benchmark waits for). */
    public double forwardedCount() {
        return forwarded.count();
    }

    public void dropped(int records) {
        dropped.increment(records);
    }

    public void bufferFull() {
        bufferFull.increment();
    }

    public void kafkaUp(boolean up) {
        kafkaUp.set(up ? 1 : 0);
    }

    /** Whether the plant source of {@code protocol} ({@code mqtt}, {@code opcua}) is connected. */
    public void sourceConnected(String protocol, boolean connected) {
        sourceUp.computeIfAbsent(protocol, name -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("maturity.gateway.source.connected", value, AtomicInteger::get)
                    .description("1 while the gateway is connected to the plant source").tag("protocol", name)
                    .register(registry);
            return value;
        }).set(connected ? 1 : 0);
    }

    /** Whether the OPC UA monitored item of {@code nodeId} last reported a good status. */
    public void itemGood(String nodeId, boolean good) {
        itemGood.computeIfAbsent(nodeId, name -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("maturity.gateway.opcua.item.good", value, AtomicInteger::get)
                    .description("1 when the monitored item's last status was good").tag("node", name).register(registry);
            return value;
        }).set(good ? 1 : 0);
    }

    /** The Prometheus text of every meter. */
    public String scrape() {
        return registry.scrape();
    }
}

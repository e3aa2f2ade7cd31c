package org.pharmamaturity.streams.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.pharmamaturity.streams.api.MetricsAudience;
import org.pharmamaturity.streams.api.MetricsScrape;
import org.pharmamaturity.streams.state.BoundedRocksDbMemory;
import org.pharmamaturity.streams.state.LocalStores;

/**
 * Everything the service serves at GET /metrics, in one Prometheus registry: the pipeline counters
 * ({@link #pipelineMeters()}), the maturity gauges read from the local stores ({@link MaturityGauges}), the
 * KafkaStreams state, the Kafka Streams client metrics (Micrometer's {@link KafkaStreamsMetrics}), the state
 * restore meters ({@link StateRestoreLog}), the API's own request metrics, and JVM and process metrics. Created
 * before the topology (which needs the counters), then
 * {@link #bind bound} to the KafkaStreams instance before it starts. The names are listed in docs/operations.md.
 */
public final class ServiceMetrics implements MetricsScrape, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ExpositionFormats exposition = ExpositionFormats.init();
    private final MicrometerPipelineMeters pipelineMeters = new MicrometerPipelineMeters(registry);
    private final StateRestoreLog restoreLog = new StateRestoreLog(registry);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private KafkaStreamsMetrics streamsMetrics;

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Gauge.builder("maturity.rocksdb.memory.bound", BoundedRocksDbMemory::boundBytes).baseUnit("bytes")
                .description("Off-heap memory all RocksDB stores share (maturity.rocksdb.memory-mb); 0 before the "
                        + "first store opens").register(registry);
        Gauge.builder("maturity.rocksdb.memory.used", BoundedRocksDbMemory::usedBytes).baseUnit("bytes")
                .description("Memory held in the shared RocksDB cache now, memtables included").register(registry);
    }

    /** The counters the topologies increment, served as {@code maturity_*_total}. */
    public PipelineMeters pipelineMeters() {
        return pipelineMeters;
    }

    /**
     * The restore listener to give every KafkaStreams instance before it starts: it logs each store's restoration
     * and serves {@code maturity_state_restored_records_total{store}} and
     * {@code maturity_state_restore_duration_seconds{store}}.
     */
    public StateRestoreListener restoreListener() {
        return restoreLog;
    }

    /**
     * Adds the metrics of {@code streams}: {@code maturity_streams_state{state}}, its client metrics, and the
     * maturity gauges of its local stores. Call once, as soon as it has started (its stream threads exist from
     * its construction, so their metrics are bound from the start).
     */
    public void bind(KafkaStreams streams) {
        if (streamsMetrics != null) {
            throw new IllegalStateException("ServiceMetrics is already bound to a KafkaStreams instance");
        }
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            Gauge.builder("maturity.streams.state", streams, current -> current.state() == state ? 1 : 0)
                    .description("1 for the current KafkaStreams state, 0 for the others")
                    .tag("state", state.name()).register(registry);
        }
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        registry.getPrometheusRegistry().register(new MaturityGauges(new LocalStores(streams)));
    }

    /**
     * Records one API request: {@code maturity_api_requests_total{endpoint,status}} and
     * {@code maturity_api_request_duration_seconds{endpoint}}. {@code endpoint} is the route template (e.g.
     * {@code /api/v1/enterprises/{id}}), never the concrete path, so the label set stays bounded.
     */
    public void apiRequest(String endpoint, int status, Duration elapsed) {
        Counter.builder("maturity.api.requests").description("API requests served")
                .tag("endpoint", endpoint).tag("status", Integer.toString(status)).register(registry).increment();
        Timer.builder("maturity.api.request.duration").description("Time to serve an API request")
                .tag("endpoint", endpoint).register(registry).record(elapsed);
    }

    /** Every metric in the Prometheus text format ({@link #contentType()}), confidential ones included. */
    @Override
    public String scrape() {
        return registry.scrape(PROMETHEUS_TEXT);
    }

    /** The metrics {@code audience} may read ({@link ConfidentialSeries}), in the Prometheus text format. */
    @Override
    public String scrape(MetricsAudience audience) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            exposition.findWriter(PROMETHEUS_TEXT).write(text,
                    ConfidentialSeries.visibleTo(audience, registry.getPrometheusRegistry().scrape()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the metrics to memory", e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** The Content-Type of {@link #scrape()}. */
    @Override
    public String contentType() {
        return PROMETHEUS_TEXT;
    }

    /** Stops the background work of the binders (the Kafka metrics refresh, the GC listener). */
    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        gcMetrics.close();
        registry.close();
    }
}

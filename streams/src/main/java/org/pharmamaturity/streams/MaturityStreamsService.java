package org.pharmamaturity.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.pharmamaturity.evaluation.model.ModelException;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogueReader;
import org.pharmamaturity.schemas.TopicProvisioner;
import org.pharmamaturity.schemas.TopicProvisioningException;
import org.pharmamaturity.streams.api.ApiHooks;
import org.pharmamaturity.streams.api.RestApi;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.config.SettingsException;
import org.pharmamaturity.streams.dlq.DeadLetterWiring;
import org.pharmamaturity.streams.maturity.ModelSetup;
import org.pharmamaturity.streams.maturity.ModelsInForce;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.metrics.ServiceMetrics;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.pharmamaturity.streams.state.BoundedRocksDbMemory;
import org.pharmamaturity.streams.state.LocalStateRecovery;
import org.pharmamaturity.streams.state.StateDirectoryCheck;
import org.pharmamaturity.streams.state.StateDirectoryException;
import org.pharmamaturity.streams.topology.PipelineTopology;
import org.pharmamaturity.streams.topology.ReferenceAuditTopology;
import org.pharmamaturity.streams.topology.TopologyDependencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams service: loads the settings and the models, creates missing topics, and runs the pipeline
 * topology in a {@link KafkaStreams} instance (exactly_once_v2 by default) with the dead-letter exception
 * handlers, beside a small second instance that dead-letters bad reference records ({@link ReferenceAuditTopology}).
 * A stream thread that dies (e.g. the registry was unreachable, so a record must wait) is replaced and resumes from
 * the last commit. The REST API ({@link RestApi}, with /health and /metrics) serves the state stores on
 * {@code maturity.api.port} once Kafka Streams has started; GET /metrics serves {@link #metrics()}. Before anything
 * else the state directory is checked ({@link StateDirectoryCheck}); local state that cannot be opened is wiped and
 * restored from the changelogs ({@link LocalStateRecovery}).
 *
 * <p>Run: {@code java -cp ... org.pharmamaturity.streams.MaturityStreamsService [service.properties]}; every
 * setting can be overridden by a {@code MATURITY_*} environment variable (see {@link ServiceSettings}). A start that
 * cannot go ahead prints one line and exits with {@value #EXIT_CONFIGURATION} (settings, model, topics) or
 * {@value #EXIT_STATE_DIRECTORY} (state directory).
 */
public final class MaturityStreamsService implements AutoCloseable {

    /** Exit code for settings, a model or topics that cannot be used. */
    public static final int EXIT_CONFIGURATION = 2;
    /** Exit code for a state directory that cannot hold the stores (a disk matter, not a settings typo). */
    public static final int EXIT_STATE_DIRECTORY = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MaturityStreamsService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final KafkaStreams referenceAudit;
    private final ServiceSettings settings;
    private final ServiceMetrics metrics;
    private final RestApi api;

    private MaturityStreamsService(KafkaStreams streams, KafkaStreams referenceAudit, ServiceSettings settings,
            ServiceMetrics metrics, RestApi api) {
        this.streams = streams;
        this.referenceAudit = referenceAudit;
        this.settings = settings;
        this.metrics = metrics;
        this.api = api;
    }

    /**
     * Starts the pipeline and the API with {@code settings}; every metric, pipeline counters included, is in
     * {@link #metrics()} and served on GET /metrics.
     */
    public static MaturityStreamsService start(ServiceSettings settings) {
        ServiceMetrics metrics = new ServiceMetrics();
        return start(settings, metrics.pipelineMeters(), metrics);
    }

    /**
     * Starts the pipeline and the API with {@code settings}, its counters going to {@code meters} (tests read them
     * there); {@link #metrics()} then has every metric but those counters, which stay at 0.
     */
    public static MaturityStreamsService start(ServiceSettings settings, PipelineMeters meters) {
        return start(settings, meters, new ServiceMetrics());
    }

    private static MaturityStreamsService start(ServiceSettings settings, PipelineMeters meters,
            ServiceMetrics metrics) {
        StateDirectoryCheck.check(settings.stateDir(), settings.stateMinFreeBytes());
        ModelSetup models = ModelsInForce.load(settings.modelSource(), settings.processModelSource(),
                settings.discreteModelSource());
        ScenarioDeclarations scenarios = new ScenarioDeclarations(ScenarioCatalogueReader.builtIn());
        if (settings.getBoolean(ServiceSettings.TOPICS_CREATE)) {
            Map<String, Object> admin = new HashMap<>(settings.kafkaSettings());
            TopicProvisioner.createMissing(admin, settings.replicationFactor());
        }
        TopologyDependencies dependencies = new TopologyDependencies(settings.topology(),
                new TopicSerdes(settings.serdeSettings()), models.registry(), models.choice(), scenarios, meters);
        RestApi api = RestApi.bind(settings);
        KafkaStreams streams = null;
        KafkaStreams referenceAudit = null;
        try {
            Properties properties = settings.streamsProperties();
            properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, api.applicationServer());
            BoundedRocksDbMemory.install(properties, settings.rocksDbMemoryBytes());
            referenceAudit = streams(ReferenceAuditTopology.build(dependencies), settings.referenceAuditProperties(),
                    meters, metrics);
            referenceAudit.start();
            streams = LocalStateRecovery.start(
                    () -> streams(PipelineTopology.build(dependencies), properties, meters, metrics), settings.stateDir());
            metrics.bind(streams);
            api.start(streams, settings, models, scenarios, new ApiHooks(metrics, metrics::apiRequest));
            LOG.info("Pipeline {} started with models {} ({})", settings.applicationId(),
                    models.registry().versions(), models.choice());
            return new MaturityStreamsService(streams, referenceAudit, settings, metrics, api);
        } catch (RuntimeException e) {
            api.close();
            if (streams != null) {
                streams.close();
            }
            if (referenceAudit != null) {
                referenceAudit.close();
            }
            metrics.close();
            throw e;
        }
    }

    /**
     * A KafkaStreams instance with the dead-letter handlers, whose failed threads are replaced and whose store
     * restorations are logged and measured.
     */
    private static KafkaStreams streams(Topology topology, Properties properties, PipelineMeters meters,
            ServiceMetrics metrics) {
        DeadLetterWiring.install(properties, meters);
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.setGlobalStateRestoreListener(metrics.restoreListener());
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("A stream thread failed; replacing it, it resumes from the last commit", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        return streams;
    }

    /** The running KafkaStreams instance, for interactive queries and health. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The metrics GET /metrics serves. */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** The REST API (its port, its route table). */
    public RestApi api() {
        return api;
    }

    /** The settings the service runs with. */
    public ServiceSettings settings() {
        return settings;
    }

    /**
     * Stops the pipeline, committing what was processed, and leaves the consumer group so the other instances
     * take over its tasks at once rather than after the session timeout.
     */
    @Override
    public void close() {
        api.close();
        CloseOptions options = CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        streams.close(options);
        referenceAudit.close(options);
        metrics.close();
    }

    /** Starts the service and runs until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        ServiceSettings settings;
        MaturityStreamsService service;
        try {
            settings = ServiceSettings.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv());
            service = start(settings);
        } catch (SettingsException | ModelException | TopicProvisioningException | java.io.UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_CONFIGURATION);
            return;
        } catch (StateDirectoryException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_STATE_DIRECTORY);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "maturity-service-shutdown"));
        stopped.await();
    }
}

package org.pharmamaturity.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.pharmamaturity.embedded.ApicurioRegistry;
import org.pharmamaturity.embedded.EmbeddedStackException;
import org.pharmamaturity.embedded.LocalBrokerSettings;
import org.pharmamaturity.embedded.LocalKafkaBroker;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.embedded.RegistryAccess;
import org.pharmamaturity.embedded.RegistrySettings;
import org.pharmamaturity.embedded.RegistryStorage;
import org.pharmamaturity.embedded.SaslSslListener;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.gateway.BufferFullPolicy;
import org.pharmamaturity.producers.gateway.Gateway;
import org.pharmamaturity.producers.gateway.GatewayMapping;
import org.pharmamaturity.producers.gateway.GatewaySettings;
import org.pharmamaturity.producers.gateway.MqttSettings;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.TopicProvisioner;
import org.pharmamaturity.schemas.TopicProvisioningException;
import org.pharmamaturity.schemas.registry.SchemaRegistryException;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.api.Caller;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.config.SettingsException;
import org.pharmamaturity.streams.state.StateDirectoryException;

/**
 * The one-command local run: a Kafka broker on 127.0.0.1:9092 and an Apicurio registry on 127.0.0.1:8081, with
 * every topic created and every value schema registered, the Kafka Streams service running the pipeline and the
 * simulator feeding it, data
 * kept under {@code .local-run/} between runs. It starts its components in order and stops them in reverse order
 * on {@link #close()} or Ctrl-C. Both are plaintext on loopback, unless {@link LocalStackSettings#secure()}: then
 * Kafka takes only SASL_SSL with ACLs and the registry only HTTPS with basic auth ({@link LocalSecurity}).
 */
public final class LocalStack implements AutoCloseable {

    /** One broker: every topic has a single replica. */
    private static final short SINGLE_REPLICA = 1;
    /** The local gateway's buffer bound: 256 MiB. */
    private static final long GATEWAY_BUFFER_BYTES = 256L * 1024 * 1024;

    private final LocalStackSettings settings;
    private final Path dataDirectory;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private String bootstrapServers;
    private ApicurioRegistry registry;
    private List<String> createdTopics = List.of();
    private Map<String, Integer> subjects = Map.of();
    private MaturityStreamsService service;
    private SimulatorProcess simulator;
    private Gateway gateway;
    private LocalPrometheus prometheus;
    private LocalApiTokens apiTokens;
    private LocalSecurity security;

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
        // The secure run keeps its broker, registry and streams data apart: neither mode can read the other's.
        this.dataDirectory = settings.secure() ? settings.dataDirectory().resolve("secure")
                : settings.dataDirectory();
    }

    /**
     * Starts everything, or stops what was started and rethrows when a step fails.
     *
     * @throws org.pharmamaturity.embedded.PortInUseException when one of the ports is taken (checked first)
     * @throws EmbeddedStackException  when the broker or the registry does not start
     * @throws SchemaRegistryException when a schema cannot be registered
     * @throws TopicProvisioningException when the topics cannot be created
     */
    public static LocalStack start(LocalStackSettings settings) {
        LoopbackPorts.requireFree(settings.kafkaPort(), "Kafka broker");
        LoopbackPorts.requireFree(settings.kafkaControllerPort(), "Kafka KRaft controller");
        LoopbackPorts.requireFree(settings.registryPort(), "schema registry HTTP port");
        LoopbackPorts.requireFree(settings.registryManagementPort(), "schema registry management port");
        LoopbackPorts.requireFree(settings.apiPort(), "REST API port");
        if (settings.withPrometheus()) {
            LoopbackPorts.requireFree(settings.prometheusPort(), "Prometheus web port");
        }
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startComponents();
            return stack;
        } catch (RuntimeException | Error e) {
            // Errors too: the threads of a half-started broker would otherwise keep the JVM alive.
            try {
                stack.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void startComponents() {
        security = settings.secure() ? LocalSecurity.prepare(dataDirectory) : null;
        LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalBrokerSettings(settings.kafkaPort(),
                settings.kafkaControllerPort(), dataDirectory.resolve("kafka"),
                Optional.ofNullable(security).map(LocalSecurity::listener)));
        running.push(broker);
        bootstrapServers = broker.bootstrapServers();
        registry = ApicurioRegistry.start(new RegistrySettings(settings.registryDistribution(), settings.registryPort(),
                settings.registryManagementPort(), RegistryStorage.file(dataDirectory.resolve("registry")),
                dataDirectory.resolve("registry.log"), RegistrySettings.DEFAULT_STARTUP_TIMEOUT,
                security == null ? RegistryAccess.open() : security.registryAccess()));
        running.push(registry);
        Map<String, String> serviceSettings = new HashMap<>(clientSettings(LocalSecurity.SERVICE));
        apiTokens = LocalApiTokens.generate(dataDirectory, SimulatorProcess.ENTERPRISES);
        serviceSettings.putAll(Map.of(
                "bootstrap.servers", bootstrapServers,
                "schema.registry.url", registry.url(),
                "state.dir", dataDirectory.resolve("streams").toString(),
                ServiceSettings.TOPICS_CREATE, "false",
                ServiceSettings.API_PORT, Integer.toString(settings.apiPort()),
                ServiceSettings.API_TOKENS_FILE, apiTokens.hashFile().toString()));
        ServiceSettings serviceConfig = ServiceSettings.of(serviceSettings);
        Map<String, Object> adminSettings = new HashMap<>(Map.of("bootstrap.servers", bootstrapServers));
        Path producerConfig = null;
        if (security != null) {
            security.createUsersAndAcls(bootstrapServers, serviceConfig.applicationId());
            adminSettings = security.listener().superUserSettings(bootstrapServers);
            security.writeClientConfig(SaslSslListener.SUPER_USER);
            producerConfig = security.writeClientConfig(LocalSecurity.PRODUCER);
        }
        createdTopics = TopicProvisioner.createMissing(adminSettings, Optional.of(SINGLE_REPLICA));
        subjects = SchemaProvisioner.registerValueSchemas(registry.url(), clientSettings(SaslSslListener.SUPER_USER));
        service = MaturityStreamsService.start(serviceConfig);
        running.push(service);
        if (settings.withPrometheus()) {
            prometheus = LocalPrometheus.start(dataDirectory.resolve("prometheus"), settings.prometheusPort(),
                    LoopbackPorts.HOST + ":" + service.api().port(), apiTokens.tokensByRole().get(Caller.REGULATOR_ROLE));
            running.push(prometheus);
        }
        if (settings.mqttUri() != null) {
            gateway = Gateway.start(new GatewaySettings(new ProducerSettings(bootstrapServers, registry.url(),
                    clientSettings(LocalSecurity.PRODUCER)),
                    GatewayMapping.defaultMapping(), null, new MqttSettings(settings.mqttUri(), "local-run-gateway",
                    null, null, null, null), null, dataDirectory.resolve("gateway-buffer"),
                    GATEWAY_BUFFER_BYTES, BufferFullPolicy.STOP_ACKNOWLEDGING, LoopbackPorts.HOST,
                    settings.gatewayMetricsPort()));
            running.push(gateway);
        }
        if (settings.simulatorRate() > 0) {
            simulator = SimulatorProcess.start(bootstrapServers, registry.url(), settings.simulatorRate(),
                    settings.mqttUri(), producerConfig, dataDirectory.resolve("simulator-progress.properties"),
                    dataDirectory.resolve("simulator.log"));
            running.push(simulator);
        }
    }

    /** The Kafka and registry client settings of {@code principal} in the secure run; none in the plaintext one. */
    private Map<String, String> clientSettings(String principal) {
        return security == null ? Map.of() : security.clientSettings(principal);
    }

    /** The pipeline's Kafka Streams state (RUNNING once it has its tasks). */
    public KafkaStreams.State streamsState() {
        return service.streams().state();
    }

    /** The REST API's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String apiUrl() {
        return "http://" + LoopbackPorts.HOST + ":" + service.api().port();
    }

    /** The API tokens of this run by role ({@code regulator}, {@code enterprise:SIM-E001}, ...). */
    public Map<String, String> apiTokens() {
        return apiTokens.tokensByRole();
    }

    /** The broker's {@code host:port}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry's Confluent API. */
    public String registryUrl() {
        return registry.url();
    }

    /** The topics this start created; the others existed from an earlier run. */
    public List<String> createdTopics() {
        return createdTopics;
    }

    /** Every value subject and its schema id. */
    public Map<String, Integer> subjects() {
        return subjects;
    }

    /** What a person needs to use the stack: endpoints, topics, subjects, where the data and logs are. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Local stack is up (data in ").append(dataDirectory).append(")\n");
        text.append(String.format("  Kafka bootstrap   %s   %s(%d topics, %d created now)%n", bootstrapServers,
                security == null ? "" : "SASL_SSL SCRAM-SHA-512, ACLs ", Topic.all().size(), createdTopics.size()));
        text.append(String.format("  Schema registry   %s   (health http://%s:%d/health/ready)%n", registry.url(),
                LoopbackPorts.HOST, registry.managementPort()));
        text.append(String.format("  Registry log      %s%n", registry.logFile()));
        if (security != null) {
            // Paths only: the secrets stay in their owner-only files.
            text.append(String.format("  Client configs    admin %s, producer %s (for --producer-config and Kafka's"
                    + " tools' --command-config)%n", security.adminConfig(), security.producerConfig()));
            text.append(String.format("  Trust store       %s (password in the client configs)%n",
                    security.trustStore()));
            text.append(String.format("  Credentials       %s (Kafka SCRAM and registry passwords of %s, %s, %s)%n",
                    security.credentialsFile(), SaslSslListener.SUPER_USER, LocalSecurity.SERVICE,
                    LocalSecurity.PRODUCER));
        }
        text.append(String.format("  Streams service   application %s, state in %s%n",
                service.settings().applicationId(), dataDirectory.resolve("streams")));
        if (gateway != null) {
            text.append(String.format("  Plant gateway     MQTT %s (default UNS mapping), buffer %s, metrics http://%s:%d/metrics%n",
                    settings.mqttUri(), dataDirectory.resolve("gateway-buffer"), LoopbackPorts.HOST,
                    gateway.metricsPort()));
        }
        if (simulator != null) {
            text.append(String.format("  Simulator         %d events/s, seed %d, a simulated month in %d min; log %s%n",
                    settings.simulatorRate(), SimulatorProcess.SEED, 30 * 24 * 60 / SimulatorProcess.SPEEDUP,
                    simulator.logFile()));
        }
        if (prometheus != null) {
            text.append(String.format("  Prometheus        %s (scrapes the service with the regulator token; config and"
                    + " log in %s)%n", prometheus.url(), prometheus.logFile().getParent()));
        }
        text.append(String.format("  REST API          %s/api/v1 (OpenAPI %s/api/v1/openapi.json), health %s/health,"
                + " metrics %s/metrics%n", apiUrl(), apiUrl(), apiUrl(), apiUrl()));
        // The tokens themselves stay in their user-only file: a console is often logged, shared or scrolled back.
        text.append(String.format("  API tokens        new for this run (regulator and %d enterprises) in %s (only you"
                + " can read it); the service reads their hashes, %s%n", apiTokens.tokensByRole().size() - 1,
                apiTokens.plaintextFile(), apiTokens.hashFile()));
        text.append(String.format("  Try               T=$(awk '$1==\"regulator\"{print $2}' %s)%n"
                + "                    curl -H \"Authorization: Bearer $T\" %s/api/v1/enterprises%n",
                apiTokens.plaintextFile(), apiUrl()));
        text.append(String.format("  Subjects          %d registered:%n", subjects.size()));
        subjects.forEach((subject, id) -> text.append(String.format("    %-40s id %d%n", subject, id)));
        text.append("Press Ctrl-C to stop everything.");
        return text.toString();
    }

    /** Stops the components in reverse start order; each is stopped even when an earlier one fails to stop. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new EmbeddedStackException("Stopping the local stack failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Starts the stack, prints where to look, and runs until Ctrl-C. A bad option, a taken port or a failed
     * start prints one explanation and exits with status 1.
     */
    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.print(LocalStackSettings.USAGE);
            return;
        }
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        Path libraryLog = LibraryLogRouting.install(settings.dataDirectory());
        System.out.println("run-local: starting; the log lines of Kafka and the other libraries go to " + libraryLog);
        Optional<LocalStack> started;
        try {
            started = startOrExplain(settings, System.err);
        } catch (RuntimeException | Error e) {
            System.err.println("run-local: unexpected failure (everything started was stopped again):");
            e.printStackTrace();
            System.exit(1);
            return;
        }
        if (started.isEmpty()) {
            System.exit(1);
            return;
        }
        LocalStack stack = started.get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack...");
            stack.close();
            System.out.println("Local stack stopped.");
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(stack.describe());
        stopped.await();
    }

    /** The started stack, or empty after printing why it could not start to {@code err}. */
    static Optional<LocalStack> startOrExplain(String[] args, PrintStream err) {
        try {
            return startOrExplain(LocalStackSettings.fromArgs(args), err);
        } catch (IllegalArgumentException e) {
            err.println("run-local: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The stack started with {@code settings}, or empty after printing why it could not start to {@code err}. */
    static Optional<LocalStack> startOrExplain(LocalStackSettings settings, PrintStream err) {
        try {
            return Optional.of(start(settings));
        } catch (IllegalArgumentException | EmbeddedStackException | SchemaRegistryException
                 | TopicProvisioningException | SettingsException | StateDirectoryException
                 | java.io.UncheckedIOException e) {
            err.println("run-local: " + e.getMessage());
            return Optional.empty();
        }
    }
}

package org.pharmamaturity.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;
import org.pharmamaturity.embedded.ApicurioRegistry;
import org.pharmamaturity.embedded.LocalBrokerSettings;
import org.pharmamaturity.embedded.LocalKafkaBroker;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.embedded.RegistrySettings;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.streams.config.ServiceSettings;

/**
 * The broker and registry a benchmark runs against: given ones (e.g. the local run's, 127.0.0.1:9092 and :8081)
 * or, when none is given, the local run's stack started in this process on free ports: the in-process KRaft broker
 * of {@code ./run-local} (production metadata version, fresh data directory) and an Apicurio child process.
 */
public final class BenchStack implements AutoCloseable {

    private final String bootstrapServers;
    private final String registryUrl;
    private final String description;
    private final Path ownedData;
    private final AutoCloseable[] owned;

    private BenchStack(String bootstrapServers, String registryUrl, String description, Path ownedData,
                       AutoCloseable... owned) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.description = description;
        this.ownedData = ownedData;
        this.owned = owned;
    }

    static BenchStack given(String bootstrapServers, String registryUrl) {
        return new BenchStack(bootstrapServers, registryUrl, "given broker " + bootstrapServers, null);
    }

    /** Starts a broker with data under {@code dataDirectory} (which must not hold another cluster) and a registry. */
    public static BenchStack inProcess(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Path kafkaData = Files.createTempDirectory(dataDirectory, "kafka-");
        LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalBrokerSettings(LoopbackPorts.freePort(),
                LoopbackPorts.freePort(), kafkaData));
        ApicurioRegistry registry = ApicurioRegistry.start(RegistrySettings.forTests()
                .withLogFile(dataDirectory.resolve("apicurio-registry.log").toAbsolutePath()));
        return new BenchStack(broker.bootstrapServers(), registry.url(),
                "in-process local broker (as ./run-local) + Apicurio child process", kafkaData, registry, broker);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public String description() {
        return description;
    }

    public ProducerSettings producerSettings() {
        return new ProducerSettings(bootstrapServers, registryUrl, Map.of());
    }

    /**
     * The settings every benchmarked service starts from: its own application id and state directory, this
     * stack's broker and registry, and no topic creation (the benchmark has created every topic already).
     */
    public Map<String, String> serviceSettings(String applicationId, Path stateDirectory) {
        Map<String, String> settings = new HashMap<>();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put("schema.registry.url", registryUrl);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        settings.put(ServiceSettings.TOPICS_CREATE, "false");
        // A free port for the REST API: a local run, the tests or another benchmark may hold 8080.
        settings.put(ServiceSettings.API_PORT, "0");
        return settings;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable part : owned) {
            part.close();
        }
        if (ownedData != null) {
            Directories.deleteQuietly(ownedData);
        }
    }
}

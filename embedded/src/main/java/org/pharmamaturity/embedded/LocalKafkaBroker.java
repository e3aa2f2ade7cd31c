package org.pharmamaturity.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (combined broker and controller) running inside this JVM on fixed loopback ports,
 * for the local run. Its storage is formatted on first start and reused afterwards, so topics and offsets
 * survive restarts. With {@link LocalBrokerSettings#security()} its client listener takes only SASL_SSL with ACLs
 * ({@link SaslSslListener}), and the super user's SCRAM credential is written when the storage is formatted, as
 * {@code kafka-storage format --add-scram} does.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String PLAINTEXT_LISTENER = "PLAINTEXT";
    private static final String SECURE_LISTENER = "SECURE";

    private final LocalBrokerSettings settings;
    private final KafkaRaftServer server;
    private final boolean formatted;

    private LocalKafkaBroker(LocalBrokerSettings settings, KafkaRaftServer server, boolean formatted) {
        this.settings = settings;
        this.server = server;
        this.formatted = formatted;
    }

    /**
     * Formats the data directory when it holds no broker data yet, then starts the broker.
     *
     * @throws PortInUseException     when the client or controller port is taken
     * @throws EmbeddedStackException when the storage cannot be formatted or the broker does not start
     */
    public static LocalKafkaBroker start(LocalBrokerSettings settings) {
        LoopbackPorts.requireFree(settings.port(), "Kafka broker");
        LoopbackPorts.requireFree(settings.controllerPort(), "Kafka KRaft controller");
        String dataDirectory = settings.dataDirectory().toAbsolutePath().toString();
        KafkaConfig config = new KafkaConfig(brokerProperties(settings, dataDirectory));
        boolean formatNow = !Files.exists(settings.dataDirectory().resolve("meta.properties"));
        if (formatNow) {
            format(dataDirectory, settings.security());
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new EmbeddedStackException("The local Kafka broker did not start on " + bootstrap(settings)
                    + " with data in " + dataDirectory + ": " + e.getMessage()
                    + ". If the data directory is from another Kafka version or cluster, delete it and start again.", e);
        }
        LOG.info("Local Kafka broker ready at {} ({} data in {})", bootstrap(settings),
                formatNow ? "formatted new" : "reusing existing", dataDirectory);
        return new LocalKafkaBroker(settings, server, formatNow);
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return bootstrap(settings);
    }

    /** True when this start formatted empty storage, false when it reused existing data. */
    public boolean formattedStorage() {
        return formatted;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Local Kafka broker at {} stopped", bootstrapServers());
    }

    private static String bootstrap(LocalBrokerSettings settings) {
        return LoopbackPorts.HOST + ":" + settings.port();
    }

    private static Map<String, Object> brokerProperties(LocalBrokerSettings settings, String dataDirectory) {
        String host = LoopbackPorts.HOST;
        String clientListener = settings.security().isPresent() ? SECURE_LISTENER : PLAINTEXT_LISTENER;
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // A static voter set needs no dynamic-quorum bootstrap at format time.
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + settings.controllerPort());
        p.put("listeners", clientListener + "://" + host + ":" + settings.port()
                + "," + CONTROLLER_LISTENER + "://" + host + ":" + settings.controllerPort());
        p.put("advertised.listeners", clientListener + "://" + host + ":" + settings.port());
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", clientListener);
        p.put("listener.security.protocol.map", CONTROLLER_LISTENER + ":PLAINTEXT,PLAINTEXT:PLAINTEXT");
        settings.security().ifPresent(security -> p.putAll(security.brokerSettings(clientListener, CONTROLLER_LISTENER)));
        p.put("log.dirs", dataDirectory);
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void format(String dataDirectory, Optional<SaslSslListener> security) {
        try {
            Files.createDirectories(Path.of(dataDirectory));
            Formatter formatter = new Formatter();
            security.ifPresent(listener -> formatter.setScramArguments(List.of(listener.formatScramArgument())));
            formatter
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setDirectories(List.of(dataDirectory))
                    .setMetadataLogDirectory(dataDirectory)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (IOException e) {
            throw new EmbeddedStackException("Could not create the Kafka data directory " + dataDirectory + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new EmbeddedStackException("Could not format Kafka storage in " + dataDirectory + ": " + e.getMessage()
                    + ". Delete the directory and start again.", e);
        }
    }
}

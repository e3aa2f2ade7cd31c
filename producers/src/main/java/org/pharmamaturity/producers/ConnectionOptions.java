package org.pharmamaturity.producers;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options every publishing command shares: where the cluster and the registry are. */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (default: $" + ProducerSettings.BOOTSTRAP_ENV + ", else "
                    + ProducerSettings.DEFAULT_BOOTSTRAP + ").")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Confluent-compatible schema registry (default: $" + ProducerSettings.REGISTRY_ENV
                    + ", else " + ProducerSettings.DEFAULT_REGISTRY + ").")
    String schemaRegistryUrl;

    @Option(names = "--producer-config", paramLabel = "FILE",
            description = "Java properties file of extra Kafka client settings (security.protocol, sasl.*, ssl.*, "
                    + "basic.auth.user.info, schema.registry.ssl.truststore.*...), passed through unchanged (default: $"
                    + ProducerSettings.CONFIG_ENV + ").")
    Path producerConfig;

    /** The settings these options, the environment and the defaults give. */
    public ProducerSettings settings() {
        return ProducerSettings.resolve(bootstrapServers, schemaRegistryUrl, producerConfig);
    }
}

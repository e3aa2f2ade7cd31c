package org.pharmamaturity.producers;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;

/**
 * Where the producers send and how: the broker, the schema registry and the extra Kafka client settings
 * (security, tuning) of a {@code --producer-config} file (or {@code $PRODUCERS_CONFIG}). This is the only class that reads environment
 * variables; command-line options win over them.
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param registryUrl the Confluent-compatible registry URL
 * @param clientProperties extra client settings passed through unchanged (e.g. {@code security.protocol})
 */
public record ProducerSettings(String bootstrapServers, String registryUrl, Map<String, String> clientProperties) {

    /** Environment variable naming the brokers when {@code --bootstrap-servers} is not given. */
    public static final String BOOTSTRAP_ENV = "PRODUCERS_BOOTSTRAP_SERVERS";
    /** Environment variable naming the registry when {@code --schema-registry-url} is not given. */
    public static final String REGISTRY_ENV = "SCHEMA_REGISTRY_URL";
    /**
     * Environment variable naming the client config file (SASL, TLS, registry credentials) when
     * {@code --producer-config} is not given.
     */
    public static final String CONFIG_ENV = "PRODUCERS_CONFIG";
    /** Used when neither option nor environment names the brokers: the local run's broker. */
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    /** Used when neither option nor environment names the registry: the local run's registry. */
    public static final String DEFAULT_REGISTRY = "http://localhost:8081/apis/ccompat/v7";

    public ProducerSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    /** The settings from the options (null when not given), then the process environment, then the defaults. */
    public static ProducerSettings resolve(String bootstrapOption, String registryOption, Path producerConfig) {
        return resolve(bootstrapOption, registryOption, producerConfig, System.getenv());
    }

    /** As {@link #resolve(String, String, Path)} with the given environment (tests pass their own). */
    public static ProducerSettings resolve(String bootstrapOption, String registryOption, Path producerConfig,
                                           Map<String, String> environment) {
        String bootstrap = firstNonBlank(bootstrapOption, environment.get(BOOTSTRAP_ENV), DEFAULT_BOOTSTRAP);
        String registry = firstNonBlank(registryOption, environment.get(REGISTRY_ENV), DEFAULT_REGISTRY);
        String configEnv = environment.get(CONFIG_ENV);
        Path config = producerConfig != null ? producerConfig
                : configEnv == null || configEnv.isBlank() ? null : Path.of(configEnv.trim());
        Map<String, String> extra = config == null ? Map.of() : readProperties(config);
        return new ProducerSettings(bootstrap, registry, extra);
    }

    /**
     * The configs of a producer: the pass-through settings first, then the broker and registry, then
     * {@code overrides} (what the command itself needs, such as serializers).
     */
    public Map<String, Object> producerConfigs(Map<String, Object> overrides) {
        Map<String, Object> configs = new HashMap<>(clientProperties);
        configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        configs.putAll(overrides);
        return configs;
    }

    /** The configs of an admin client: the pass-through settings and the broker. */
    public Map<String, Object> adminConfigs() {
        Map<String, Object> configs = new HashMap<>(clientProperties);
        configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return configs;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ProducersException("Cannot read the producer config file " + file + " (" + e.getMessage()
                    + "): pass a readable Java properties file to --producer-config (or $" + CONFIG_ENV + ").", e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        throw new IllegalStateException("the last candidate is a non-blank default");
    }
}

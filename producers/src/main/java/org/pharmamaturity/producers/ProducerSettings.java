package org.pharmamaturity.producers;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Type.STRING;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.pharmamaturity.schemas.config.EnvironmentVariables;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;

/**
 * Where the producers send and how: the broker, the schema registry and the extra Kafka client settings
 * (security, tuning) of a {@code --producer-config} file, declared once in {@link #configDef()}. This is the only
 * class that reads environment variables, by {@link EnvironmentVariables#PRODUCERS}'s rule
 * ({@code PRODUCERS_BOOTSTRAP_SERVERS}, {@code PRODUCERS_SCHEMA_REGISTRY_URL}, {@code PRODUCERS_CONFIG});
 * command-line options win over them.
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param registryUrl the Confluent-compatible registry URL
 * @param clientProperties extra client settings passed through unchanged (e.g. {@code security.protocol})
 */
public record ProducerSettings(String bootstrapServers, String registryUrl, Map<String, String> clientProperties) {

    /** The key of the client config file; the environment rule names it {@link #CONFIG_ENV}. */
    public static final String CONFIG_FILE = "producers.config";
    // The names and defaults below are constants because the CLI's option descriptions quote them.
    public static final String BOOTSTRAP_ENV = "PRODUCERS_BOOTSTRAP_SERVERS";
    public static final String CONFIG_ENV = "PRODUCERS_CONFIG";
    /** The registry's variable before the rule named it PRODUCERS_SCHEMA_REGISTRY_URL; compose files use it. */
    public static final String REGISTRY_ENV = "SCHEMA_REGISTRY_URL";
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    public static final String DEFAULT_REGISTRY = "http://localhost:8081/apis/ccompat/v7";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STRING, DEFAULT_BOOTSTRAP, HIGH,
                    "Kafka brokers (option --bootstrap-servers).")
            .define(AvroSerdeConfig.SCHEMA_REGISTRY_URL, STRING, DEFAULT_REGISTRY, HIGH,
                    "Confluent-compatible schema registry (option --schema-registry-url; also $" + REGISTRY_ENV + ").")
            .define(CONFIG_FILE, STRING, null, MEDIUM, "Java properties file of extra Kafka client and registry"
                    + " settings (security.protocol, sasl.*, ssl.*, basic.auth.user.info,"
                    + " schema.registry.ssl.truststore.*), passed through unchanged (option --producer-config).");

    public ProducerSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Every setting of the producers' CLI. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** The settings from the options (null when not given), then the process environment, then the defaults. */
    public static ProducerSettings resolve(String bootstrapOption, String registryOption, Path producerConfig) {
        return resolve(bootstrapOption, registryOption, producerConfig, System.getenv());
    }

    /** As {@link #resolve(String, String, Path)} with the given environment (tests pass their own). */
    public static ProducerSettings resolve(String bootstrapOption, String registryOption, Path producerConfig,
                                           Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        // The older variable counts only where the rule's is not set.
        env.putIfAbsent(EnvironmentVariables.PRODUCERS.name(AvroSerdeConfig.SCHEMA_REGISTRY_URL), environment.get(REGISTRY_ENV));
        Map<String, Object> options = new HashMap<>();
        options.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapOption);
        options.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryOption);
        options.put(CONFIG_FILE, producerConfig == null ? null : producerConfig.toString());
        AbstractConfig config = new AbstractConfig(CONFIG, EnvironmentVariables.PRODUCERS.withOptions(CONFIG, options, env), false);
        String file = config.getString(CONFIG_FILE);
        return new ProducerSettings(config.getString(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
                config.getString(AvroSerdeConfig.SCHEMA_REGISTRY_URL), file == null ? Map.of() : readProperties(Path.of(file)));
    }

    /**
     * The configs of a producer: the pass-through settings first, then the broker and registry, then
     * {@code overrides} (what the command itself needs, such as serializers).
     */
    public Map<String, Object> producerConfigs(Map<String, Object> overrides) {
        Map<String, Object> configs = adminConfigs();
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
}

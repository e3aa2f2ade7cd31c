package org.pharmamaturity.streams.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.registry.RegistryTrustStore;

/**
 * The service's configuration, read once: built-in defaults, then a properties file, then environment variables.
 * Nothing else in the service reads the environment.
 *
 * <p>Keys starting with {@code maturity.} are the pipeline's own (see the constants). Every other key is passed
 * unchanged to Kafka Streams and to the Avro serdes, so Kafka settings ({@code bootstrap.servers},
 * {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, ...) and registry settings
 * ({@code schema.registry.url}, {@code basic.auth.user.info}, ...) are written exactly as Kafka and Confluent
 * document them.
 *
 * <p>Environment: a key is overridden by {@code MATURITY_} followed by the key in upper case with dots and hyphens
 * as underscores, without its own {@code maturity.} prefix: {@code bootstrap.servers} by
 * {@code MATURITY_BOOTSTRAP_SERVERS}, {@code maturity.kpi.grace} by {@code MATURITY_KPI_GRACE}. This works for
 * every key that has a default or appears in the file, and for every Kafka Streams, producer, consumer and admin
 * client setting (so {@code MATURITY_SECURITY_PROTOCOL}, {@code MATURITY_SASL_JAAS_CONFIG} work without a file)
 * and the registry's credentials and trust store ({@code MATURITY_BASIC_AUTH_USER_INFO},
 * {@code MATURITY_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION}).
 */
public final class ServiceSettings {

    /** The default model: a model file, or the name of a built-in model. */
    public static final String MODEL = "maturity.model";
    /** The model of PROCESS enterprises (file or built-in name; default cmmm-process-v1); empty for the default model. */
    public static final String MODEL_PROCESS = "maturity.model.process";
    /** The model of DISCRETE enterprises (file or built-in name; default cmmm-discrete-v1); empty for the default model. */
    public static final String MODEL_DISCRETE = "maturity.model.discrete";
    /** ISO-8601 duration: how far eventTime may lie in the future (default PT5M). */
    public static final String MAX_FUTURE_SKEW = "maturity.validation.max-future-skew";
    /** ISO-8601 duration: how long eventIds are remembered to drop duplicates (default PT24H). */
    public static final String DEDUP_HORIZON = "maturity.dedup.horizon";
    /** ISO-8601 duration: grace for late data after a UTC day ends (default PT1H). */
    public static final String KPI_GRACE = "maturity.kpi.grace";
    /** ISO-8601 duration: silence after which an enterprise gets a DATA_GAP alert (default PT6H). */
    public static final String DATA_SILENCE = "maturity.alerts.data-silence";
    /** ISO-8601 duration: period of the wall-clock checks (default PT1M). */
    public static final String CHECK_INTERVAL = "maturity.check-interval";
    /** ISO-8601 duration: how often changed KPIs and sector statistics are published (default PT1S; PT0S: at once). */
    public static final String PUBLISH_INTERVAL = "maturity.kpi.publish-interval";
    /**
     * ISO-8601 duration: wall-clock time a KPI day stays open after its end plus the grace has passed in event time,
     * for records overtaken on their way through another topic (default PT30S; PT0S: close at once).
     */
    public static final String KPI_CLOSE_MARGIN = "maturity.kpi.close-margin";
    /** ISO-8601 duration in whole days: how long the daily group statistics are kept (default P1825D, 5 years). */
    public static final String GROUP_HISTORY_RETENTION = "maturity.group-history.retention";
    /** Create missing topics at start-up (default true). */
    public static final String TOPICS_CREATE = "maturity.topics.create";
    /** Replication factor of topics created at start-up; empty means the broker's default. */
    public static final String TOPICS_REPLICATION_FACTOR = "maturity.topics.replication-factor";
    /** The REST API's port (default 8080; 0 takes any free port). */
    public static final String API_PORT = "maturity.api.port";
    /** The address the REST API listens on (default 127.0.0.1, loopback only). */
    public static final String API_BIND_ADDRESS = "maturity.api.bind-address";
    /** The host other instances reach this one on; empty means the bind address. */
    public static final String API_ADVERTISED_HOST = "maturity.api.advertised-host";
    /** A file of {@code <sha-256 hex of token> <role>} lines; empty for none. */
    public static final String API_TOKENS_FILE = "maturity.api.tokens-file";
    /** Token entries like those of the file, separated by commas (for {@code MATURITY_API_TOKENS}). */
    public static final String API_TOKENS = "maturity.api.tokens";
    /** The largest request body the API accepts, in bytes (default 1 MiB). */
    public static final String API_MAX_BODY_BYTES = "maturity.api.max-body-bytes";
    /** The fewest enterprises a group must have for its statistics to be served to non-regulators (default 3). */
    public static final String API_MIN_GROUP_SIZE = "maturity.api.min-group-size";
    /** Free space, in MiB, the state directory must have at start-up. */
    public static final String STATE_MIN_FREE_MB = "maturity.state.min-free-mb";
    /** Off-heap memory, in MiB, all RocksDB stores of the process share: block cache and memtables (default 256). */
    public static final String ROCKSDB_MEMORY_MB = "maturity.rocksdb.memory-mb";

    /** Appended to application.id for the reference audit application. */
    public static final String REFERENCE_AUDIT_SUFFIX = "-reference-audit";

    private static final String OWN_PREFIX = "maturity.";
    private static final String GLOBAL_PROCESSING_EXCEPTION_HANDLER = "processing.exception.handler.global.enabled";
    private static final String ENV_PREFIX = "MATURITY_";

    private static final Map<String, String> DEFAULTS = defaults();
    /** Settings an environment variable may set without a default or a file entry: Kafka's and the registry's. */
    private static final Set<String> KNOWN_CLIENT_KEYS = knownClientKeys();

    private final Map<String, String> values;
    private final TopologySettings topology;
    private final ApiSettings api;
    private final int stateMinFreeMb;
    private final int rocksDbMemoryMb;

    private ServiceSettings(Map<String, String> values, String source) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        List<String> problems = new ArrayList<>();
        Duration skew = duration(MAX_FUTURE_SKEW, problems);
        Duration horizon = duration(DEDUP_HORIZON, problems);
        Duration grace = duration(KPI_GRACE, problems);
        Duration silence = duration(DATA_SILENCE, problems);
        Duration check = duration(CHECK_INTERVAL, problems);
        Duration publish = duration(PUBLISH_INTERVAL, problems);
        Duration closeMargin = duration(KPI_CLOSE_MARGIN, problems);
        Duration historyRetention = duration(GROUP_HISTORY_RETENTION, problems);
        String create = values.get(TOPICS_CREATE);
        if (!"true".equalsIgnoreCase(create) && !"false".equalsIgnoreCase(create)) {
            problems.add(TOPICS_CREATE + ": '" + create + "' is neither true nor false");
        }
        replicationFactor(problems);
        int port = integer(API_PORT, 0, 65_535, problems);
        int maxBody = integer(API_MAX_BODY_BYTES, 1, Integer.MAX_VALUE, problems);
        int minGroupSize = integer(API_MIN_GROUP_SIZE, 1, Integer.MAX_VALUE, problems);
        int minFreeMb = integer(STATE_MIN_FREE_MB, 0, Integer.MAX_VALUE, problems);
        // Below 16 MiB the write buffer manager would flush the 90-odd stores' memtables on nearly every write.
        int rocksDbMb = integer(ROCKSDB_MEMORY_MB, 16, 1_048_576, problems);
        TopologySettings topologySettings = null;
        if (problems.isEmpty()) {
            try {
                topologySettings = new TopologySettings(skew, horizon, grace, silence, check, Topic.KEYED_PARTITIONS,
                        publish, closeMargin, historyRetention);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(source, problems);
        }
        this.topology = topologySettings;
        this.stateMinFreeMb = minFreeMb;
        this.rocksDbMemoryMb = rocksDbMb;
        String bind = values.get(API_BIND_ADDRESS);
        String advertised = values.getOrDefault(API_ADVERTISED_HOST, "").isBlank() ? bind : values.get(API_ADVERTISED_HOST);
        String tokensFile = values.getOrDefault(API_TOKENS_FILE, "");
        this.api = new ApiSettings(port, bind, advertised,
                tokensFile.isBlank() ? Optional.empty() : Optional.of(Path.of(tokensFile)),
                values.getOrDefault(API_TOKENS, ""), maxBody, minGroupSize);
    }

    /** Defaults, then {@code file} (when not null), then the environment {@code env}. */
    public static ServiceSettings load(Path file, Map<String, String> env) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        String source = "the built-in defaults";
        if (file != null) {
            merged.putAll(readFile(file));
            source = file.toString();
        }
        Set<String> keys = new TreeSet<>(merged.keySet());
        keys.addAll(KNOWN_CLIENT_KEYS);
        for (String key : keys) {
            String override = env.get(environmentName(key));
            if (override != null) {
                merged.put(key, override);
            }
        }
        return new ServiceSettings(merged, source + " with the environment");
    }

    /** Defaults overridden by {@code overrides} (for tests and embedding). */
    public static ServiceSettings of(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        merged.putAll(overrides);
        return new ServiceSettings(merged, "the given overrides");
    }

    /** The environment variable that overrides {@code key}. */
    public static String environmentName(String key) {
        String bare = key.startsWith(OWN_PREFIX) ? key.substring(OWN_PREFIX.length()) : key;
        return ENV_PREFIX + bare.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value of any key, for settings other parts of the service add. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The durations and counts the topologies use. */
    public TopologySettings topology() {
        return topology;
    }

    /** The default model (file path or built-in model name). */
    public String modelSource() {
        return values.get(MODEL);
    }

    /** The model of PROCESS enterprises (file path or built-in model name); blank for the default model. */
    public String processModelSource() {
        return values.get(MODEL_PROCESS);
    }

    /** The model of DISCRETE enterprises (file path or built-in model name); blank for the default model. */
    public String discreteModelSource() {
        return values.get(MODEL_DISCRETE);
    }

    /** The REST API's settings. */
    public ApiSettings api() {
        return api;
    }

    /** Whether missing topics are created at start-up. */
    public boolean createTopics() {
        return Boolean.parseBoolean(values.get(TOPICS_CREATE));
    }

    /** Replication factor for created topics; empty for the broker's default. */
    public Optional<Short> replicationFactor() {
        return replicationFactor(new ArrayList<>());
    }

    /** Kafka Streams' state.dir: the setting, else Kafka's default (a kafka-streams folder in the temp directory). */
    public Path stateDir() {
        Object kafkaDefault = StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG);
        return Path.of(values.getOrDefault(StreamsConfig.STATE_DIR_CONFIG, String.valueOf(kafkaDefault)));
    }

    /** The free space the state directory must have at start-up, in bytes. */
    public long stateMinFreeBytes() {
        return stateMinFreeMb * 1024L * 1024L;
    }

    /** Kafka Streams' application.id (also the prefix of internal topics and the consumer group). */
    public String applicationId() {
        return values.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /** Everything but the pipeline's own keys: Kafka Streams, client and registry settings. */
    public Map<String, String> kafkaSettings() {
        Map<String, String> kafka = new TreeMap<>();
        values.forEach((key, value) -> {
            if (!key.startsWith(OWN_PREFIX)) {
                kafka.put(key, value);
            }
        });
        return kafka;
    }

    /** The off-heap memory all RocksDB stores of the process share, in bytes. */
    public long rocksDbMemoryBytes() {
        return rocksDbMemoryMb * 1024L * 1024L;
    }

    /** The settings for KafkaStreams (exception handlers are added by the dead-letter wiring). */
    public Properties streamsProperties() {
        Properties properties = new Properties();
        properties.putAll(kafkaSettings());
        return properties;
    }

    /**
     * The settings of the reference audit, the service's second, stateless KafkaStreams application: the same as
     * {@link #streamsProperties()} with {@value #REFERENCE_AUDIT_SUFFIX} appended to application.id (its own
     * consumer group and transactional ids) and to client.id when one is set, and one stream thread.
     */
    public Properties referenceAuditProperties() {
        Properties properties = streamsProperties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId() + REFERENCE_AUDIT_SUFFIX);
        String clientId = values.get(StreamsConfig.CLIENT_ID_CONFIG);
        if (clientId != null && !clientId.isBlank()) {
            properties.put(StreamsConfig.CLIENT_ID_CONFIG, clientId + REFERENCE_AUDIT_SUFFIX);
        }
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        return properties;
    }

    /** The settings for the Avro serdes: the registry URL, credentials and serde switches. */
    public Map<String, Object> serdeSettings() {
        return Map.copyOf(kafkaSettings());
    }

    private Duration duration(String key, List<String> problems) {
        String text = values.get(key);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(key + ": '" + text + "' is not an ISO-8601 duration such as PT1H or P1D");
            return null;
        }
    }

    private int integer(String key, int min, int max, List<String> problems) {
        String text = values.getOrDefault(key, "").trim();
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + ": '" + text + "' is not a whole number from " + min + " to " + max);
        return min;
    }

    private Optional<Short> replicationFactor(List<String> problems) {
        String text = values.getOrDefault(TOPICS_REPLICATION_FACTOR, "").trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            short factor = Short.parseShort(text);
            if (factor >= 1) {
                return Optional.of(factor);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(TOPICS_REPLICATION_FACTOR + ": '" + text + "' is not a replication factor of 1 or more");
        return Optional.empty();
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException(file.toString(), List.of("cannot read the file (" + e + ")"));
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name).trim()));
        return map;
    }

    private static Set<String> knownClientKeys() {
        Set<String> keys = new TreeSet<>(StreamsConfig.configDef().names());
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        keys.addAll(List.of("basic.auth.credentials.source", "basic.auth.user.info", "auto.register.schemas",
                "use.latest.version", RegistryTrustStore.LOCATION, RegistryTrustStore.PASSWORD, RegistryTrustStore.TYPE));
        return Set.copyOf(keys);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, "pharma-maturity");
        defaults.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        defaults.put("schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7");
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Refuse to start with an auto-generated internal topic or store name: they are part of the state contract.
        defaults.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        // An unexpected failure in the global stores' updaters is counted and logged instead of stopping the service
        // (bad reference records are skipped there and dead-lettered by the reference audit); this is the default
        // from Kafka 5.0, hence its constant is deprecated in 4.3.
        defaults.put(GLOBAL_PROCESSING_EXCEPTION_HANDLER, "true");
        defaults.put(MODEL, ModelLoader.REFERENCE_MODEL);
        defaults.put(MODEL_PROCESS, ModelLoader.PROCESS_MODEL);
        defaults.put(MODEL_DISCRETE, ModelLoader.DISCRETE_MODEL);
        defaults.put(MAX_FUTURE_SKEW, TopologySettings.DEFAULTS.maxFutureSkew().toString());
        defaults.put(DEDUP_HORIZON, TopologySettings.DEFAULTS.dedupHorizon().toString());
        defaults.put(KPI_GRACE, TopologySettings.DEFAULTS.grace().toString());
        defaults.put(DATA_SILENCE, TopologySettings.DEFAULTS.dataSilence().toString());
        defaults.put(CHECK_INTERVAL, TopologySettings.DEFAULTS.checkInterval().toString());
        defaults.put(PUBLISH_INTERVAL, TopologySettings.DEFAULTS.publishInterval().toString());
        defaults.put(KPI_CLOSE_MARGIN, TopologySettings.DEFAULTS.closeMargin().toString());
        defaults.put(GROUP_HISTORY_RETENTION, "P" + TopologySettings.DEFAULTS.groupHistoryRetention().toDays() + "D");
        defaults.put(TOPICS_CREATE, "true");
        defaults.put(TOPICS_REPLICATION_FACTOR, "");
        defaults.put(API_PORT, "8080");
        defaults.put(API_BIND_ADDRESS, "127.0.0.1");
        defaults.put(API_ADVERTISED_HOST, "");
        defaults.put(API_TOKENS_FILE, "");
        defaults.put(API_TOKENS, "");
        defaults.put(API_MAX_BODY_BYTES, "1048576");
        defaults.put(API_MIN_GROUP_SIZE, "3");
        defaults.put(STATE_MIN_FREE_MB, "64");
        defaults.put(ROCKSDB_MEMORY_MB, "256");
        return defaults;
    }
}

package org.pharmamaturity.streams.config;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Type.BOOLEAN;
import static org.apache.kafka.common.config.ConfigDef.Type.INT;
import static org.apache.kafka.common.config.ConfigDef.Type.SHORT;
import static org.apache.kafka.common.config.ConfigDef.Type.STRING;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.streams.StreamsConfig;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.config.EnvironmentVariables;
import org.pharmamaturity.schemas.config.Expectation;
import org.pharmamaturity.schemas.registry.RegistryClientConfig;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;

/**
 * The service's configuration, declared once in {@link #configDef()} and read once: the declared defaults, then a
 * properties file, then environment variables (by {@link EnvironmentVariables#SERVICE}'s rule:
 * {@code maturity.kpi.grace} by {@code MATURITY_KPI_GRACE}, {@code bootstrap.servers} by
 * {@code MATURITY_BOOTSTRAP_SERVERS}). Nothing else in the service reads the environment.
 *
 * <p>Keys starting with {@code maturity.} are the pipeline's own. Every other key is passed unchanged to Kafka
 * Streams and to the Avro serdes, so Kafka settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, ...)
 * and registry settings ({@code basic.auth.user.info}, ...) are written exactly as Kafka and Confluent document them;
 * the environment sets every key declared here and every Kafka Streams, client and registry setting.
 *
 * <p>Adding a setting is one {@code define} below plus, where code reads it, a getter.
 */
public final class ServiceSettings extends AbstractConfig {

    public static final String MODEL = "maturity.model";
    public static final String MODEL_PROCESS = "maturity.model.process";
    public static final String MODEL_DISCRETE = "maturity.model.discrete";
    public static final String MAX_FUTURE_SKEW = "maturity.validation.max-future-skew";
    public static final String REFERENCE_WAIT = "maturity.validation.reference-wait";
    public static final String DEDUP_HORIZON = "maturity.dedup.horizon";
    public static final String KPI_GRACE = "maturity.kpi.grace";
    public static final String DATA_SILENCE = "maturity.alerts.data-silence";
    public static final String CHECK_INTERVAL = "maturity.check-interval";
    public static final String PUBLISH_INTERVAL = "maturity.kpi.publish-interval";
    public static final String KPI_CLOSE_MARGIN = "maturity.kpi.close-margin";
    public static final String PROGRAMME_TARGET_BENCHMARK = "maturity.programme.target.benchmark";
    public static final String PROGRAMME_TARGET_PIONEER = "maturity.programme.target.pioneer";
    public static final String PROGRAMME_TARGET_SCENARIOS = "maturity.programme.target.scenarios";
    public static final String GROUP_HISTORY_RETENTION = "maturity.group-history.retention";
    public static final String TOPICS_CREATE = "maturity.topics.create";
    public static final String TOPICS_REPLICATION_FACTOR = "maturity.topics.replication-factor";
    public static final String API_PORT = "maturity.api.port";
    public static final String API_BIND_ADDRESS = "maturity.api.bind-address";
    public static final String API_ADVERTISED_HOST = "maturity.api.advertised-host";
    public static final String API_TOKENS_FILE = "maturity.api.tokens-file";
    public static final String API_TOKENS = "maturity.api.tokens";
    public static final String API_MAX_BODY_BYTES = "maturity.api.max-body-bytes";
    public static final String API_MIN_GROUP_SIZE = "maturity.api.min-group-size";
    public static final String STATE_MIN_FREE_MB = "maturity.state.min-free-mb";
    public static final String ROCKSDB_MEMORY_MB = "maturity.rocksdb.memory-mb";

    /** Appended to application.id for the reference audit application. */
    public static final String REFERENCE_AUDIT_SUFFIX = "-reference-audit";

    private static final String OWN_PREFIX = "maturity.";
    private static final String REGISTRY_PREFIX = "schema.registry.";
    private static final String GLOBAL_PROCESSING_EXCEPTION_HANDLER = "processing.exception.handler.global.enabled";
    private static final TopologySettings DURATIONS = TopologySettings.DEFAULTS;

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(StreamsConfig.APPLICATION_ID_CONFIG, STRING, "pharma-maturity", HIGH,
                    "Kafka Streams' application.id: the consumer group and the prefix of internal topics and stores.")
            .define(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, STRING, "127.0.0.1:9092", HIGH, "The Kafka brokers.")
            .define(RegistryClientConfig.SCHEMA_REGISTRY_URL, STRING, "http://127.0.0.1:8081/apis/ccompat/v7", HIGH,
                    "The schema registry's Confluent API, for every serde of the service.")
            .define(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, STRING, StreamsConfig.EXACTLY_ONCE_V2, MEDIUM,
                    "Kafka Streams' processing guarantee: exactly once, so a restart never counts twice.")
            .define(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, BOOLEAN, true,
                    Expectation.TRUE_OR_FALSE, LOW, "Refuse to start with an auto-generated internal topic or store"
                            + " name: they are part of the state contract.")
            .define(GLOBAL_PROCESSING_EXCEPTION_HANDLER, BOOLEAN, true, Expectation.TRUE_OR_FALSE, LOW,
                    "Count and log an unexpected failure in the global stores' updaters instead of stopping the service"
                            + " (bad reference records are dead-lettered by the reference audit); Kafka 5.0's default.")
            .define(MODEL, STRING, ModelLoader.REFERENCE_MODEL, HIGH,
                    "The default model, a built-in name or a file: it scores enterprises whose type has no model of its own"
                            + " and enterprises ref.enterprise does not know, and is what GET /api/v1/model serves"
                            + " without modelVersion.")
            .define(MODEL_PROCESS, STRING, ModelLoader.PROCESS_MODEL, MEDIUM,
                    "The model (built-in name or file) of PROCESS enterprises; empty for the default model. Two configured"
                            + " models may not share a version with different content.")
            .define(MODEL_DISCRETE, STRING, ModelLoader.DISCRETE_MODEL, MEDIUM,
                    "The model (built-in name or file) of DISCRETE enterprises; empty for the default model.")
            .define(MAX_FUTURE_SKEW, STRING, DURATIONS.maxFutureSkew().toString(), Expectation.duration(true), MEDIUM,
                    "How far eventTime may lie ahead of the processing clock before a record is refused as"
                            + " FUTURE_TIMESTAMP.")
            .define(REFERENCE_WAIT, STRING, DURATIONS.referenceWait().toString(), Expectation.duration(true), MEDIUM,
                    "How long (wall clock) a record whose only problem is an enterprise or equipment not yet in"
                            + " ref.enterprise / ref.equipment waits for it (the reference stores are read by their own"
                            + " thread, so data sent right after a registration can overtake it) before it is refused as"
                            + " UNKNOWN_ENTERPRISE or UNKNOWN_EQUIPMENT; the later records of its machine (or, without one,"
                            + " its enterprise) wait behind it, in order. PT0S refuses at once.")
            .define(DEDUP_HORIZON, STRING, DURATIONS.dedupHorizon().toString(), Expectation.duration(false), MEDIUM,
                    "How long eventIds are remembered, in event time, to count a resent event once.")
            .define(KPI_GRACE, STRING, DURATIONS.grace().toString(), Expectation.duration(true), MEDIUM,
                    "How late a reading may arrive and still correct its day: a day closes when the latest eventTime a KPI"
                            + " stage has seen passes its end plus the grace.")
            .define(DATA_SILENCE, STRING, DURATIONS.dataSilence().toString(), Expectation.duration(false), MEDIUM,
                    "Silence after which an enterprise gets a DATA_GAP alert.")
            .define(CHECK_INTERVAL, STRING, DURATIONS.checkInterval().toString(), Expectation.duration(false), LOW,
                    "Period of the wall-clock checks (data gaps, sector moves, model changes, changed sector benchmarks of"
                            + " the tiers).")
            .define(PUBLISH_INTERVAL, STRING, DURATIONS.publishInterval().toString(), Expectation.duration(true), LOW,
                    "How often (wall clock) changed enterprise KPIs and sector statistics are published: the readings of one"
                            + " enterprise within an interval give one KPI record and one re-scoring; PT0S publishes"
                            + " every change.")
            .define(KPI_CLOSE_MARGIN, STRING, DURATIONS.closeMargin().toString(), Expectation.duration(true), LOW,
                    "Wall-clock time a KPI day stays open after its end plus the grace has passed in event time, for"
                            + " records overtaken on their way through another topic; PT0S closes at once.")
            .define(PROGRAMME_TARGET_BENCHMARK, INT, ProgrammeTargets.DEFAULTS.benchmark(),
                    Expectation.wholeNumber(0, 1_000_000), LOW, "Benchmark smart factories (标杆性智能工厂) Shanghai's"
                            + " programme aims for; GET /api/v1/programme counts titles and candidates against it.")
            .define(PROGRAMME_TARGET_PIONEER, INT, ProgrammeTargets.DEFAULTS.pioneer(),
                    Expectation.wholeNumber(0, 1_000_000), LOW, "Pioneer enterprises (示范企业) the programme aims for.")
            .define(PROGRAMME_TARGET_SCENARIOS, INT, ProgrammeTargets.DEFAULTS.scenarios(),
                    Expectation.wholeNumber(0, 1_000_000), LOW, "Typical application scenarios the programme aims for.")
            .define(GROUP_HISTORY_RETENTION, STRING, "P" + DURATIONS.groupHistoryRetention().toDays() + "D",
                    Expectation.wholeDays(), LOW, "How long the daily statistics of every group (sector, division,"
                            + " district, sector within a district, ALL) are kept, counted back from the group's newest"
                            + " point: GET /api/v1/sectors|districts/{code}/history answers within it.")
            .define(TOPICS_CREATE, BOOLEAN, true, Expectation.TRUE_OR_FALSE, MEDIUM,
                    "Create missing topics at start-up.")
            .define(TOPICS_REPLICATION_FACTOR, SHORT, null, Expectation.optional(Expectation.wholeNumber(1,
                    Short.MAX_VALUE)), MEDIUM, "Replication factor of topics created at start-up; empty for the"
                            + " broker's default.")
            .define(API_PORT, INT, 8080, Expectation.wholeNumber(0, 65_535), HIGH,
                    "Port of the REST API, /health and /metrics; 0 takes any free port.")
            .define(API_BIND_ADDRESS, STRING, "127.0.0.1", HIGH, "The address the REST API listens on (loopback only"
                    + " by default).")
            .define(API_ADVERTISED_HOST, STRING, "", MEDIUM,
                    "The host other instances reach this one on (Kafka Streams' application.server is set to it and the"
                            + " port); empty means the bind address.")
            .define(API_TOKENS_FILE, STRING, "", HIGH,
                    "A file of bearer tokens as '<sha-256 hex of token> <role>' lines (# comments); empty for none.")
            .define(API_TOKENS, STRING, "", HIGH, "Token entries like those of the file, separated by commas, e.g."
                    + " MATURITY_API_TOKENS=\"<hash> regulator,<hash> enterprise:E1\".")
            .define(API_MAX_BODY_BYTES, INT, 1_048_576, Expectation.wholeNumber(1, Integer.MAX_VALUE), LOW,
                    "The largest request body the API accepts, in bytes (larger: 413).")
            .define(API_MIN_GROUP_SIZE, INT, 3, Expectation.wholeNumber(1, Integer.MAX_VALUE), HIGH,
                    "The fewest enterprises a group (sector) must have for its statistics to be served to callers"
                            + " other than a regulator, in the API and in /metrics; below it only the number of enterprises is"
                            + " served.")
            .define(STATE_MIN_FREE_MB, INT, 64, Expectation.wholeNumber(0, Integer.MAX_VALUE), LOW,
                    "Free space, in MiB, the state directory (state.dir) must have at start-up; less stops the service.")
            // Below 16 MiB the write buffer manager would flush the 90-odd stores' memtables on nearly every write.
            .define(ROCKSDB_MEMORY_MB, INT, 256, Expectation.wholeNumber(16, 1_048_576), MEDIUM,
                    "Off-heap memory, in MiB, all RocksDB stores of the service share: one block cache (index and filter"
                            + " blocks included) that also counts the memtables, which are flushed early when they"
                            + " pass half of it."
                            + " Ignored when the settings name a rocksdb.config.setter of their own.");

    /** Settings an environment variable may set without a declaration or a file entry: Kafka's and the registry's. */
    private static final Set<String> KNOWN_CLIENT_KEYS = knownClientKeys();

    private final TopologySettings topology;
    private final ApiSettings api;

    private ServiceSettings(Map<String, String> values) {
        super(CONFIG, values, false);
        this.topology = new TopologySettings(duration(MAX_FUTURE_SKEW), duration(REFERENCE_WAIT), duration(DEDUP_HORIZON),
                duration(KPI_GRACE), duration(DATA_SILENCE), duration(CHECK_INTERVAL), Topic.KEYED_PARTITIONS, duration(PUBLISH_INTERVAL),
                duration(KPI_CLOSE_MARGIN), new ProgrammeTargets(getInt(PROGRAMME_TARGET_BENCHMARK),
                getInt(PROGRAMME_TARGET_PIONEER), getInt(PROGRAMME_TARGET_SCENARIOS)),
                duration(GROUP_HISTORY_RETENTION));
        String bind = getString(API_BIND_ADDRESS);
        String advertised = getString(API_ADVERTISED_HOST);
        String tokensFile = getString(API_TOKENS_FILE);
        this.api = new ApiSettings(getInt(API_PORT), bind, advertised.isBlank() ? bind : advertised,
                tokensFile.isBlank() ? Optional.empty() : Optional.of(Path.of(tokensFile)), getString(API_TOKENS),
                getInt(API_MAX_BODY_BYTES), getInt(API_MIN_GROUP_SIZE));
    }

    /** Every setting of the service: key, type, default, validator, importance and documentation. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** Defaults, then {@code file} (when not null), then the environment {@code env}. */
    public static ServiceSettings load(Path file, Map<String, String> env) {
        Map<String, String> values = file == null ? new LinkedHashMap<>() : readFile(file);
        Set<String> keys = new TreeSet<>(values.keySet());
        keys.addAll(CONFIG.names());
        keys.addAll(KNOWN_CLIENT_KEYS);
        values.putAll(EnvironmentVariables.SERVICE.values(keys, env));
        return create(values, (file == null ? "the built-in defaults" : file.toString()) + " with the environment");
    }

    /** Defaults overridden by {@code overrides} (for tests and embedding). */
    public static ServiceSettings of(Map<String, String> overrides) {
        return create(overrides, "the given overrides");
    }

    /** The environment variable that overrides {@code key}. */
    public static String environmentName(String key) {
        return EnvironmentVariables.SERVICE.name(key);
    }

    /** The durations and counts the topologies use. */
    public TopologySettings topology() {
        return topology;
    }

    /** The default model (file path or built-in model name). */
    public String modelSource() {
        return getString(MODEL);
    }

    /** The model of PROCESS enterprises (file path or built-in model name); blank for the default model. */
    public String processModelSource() {
        return getString(MODEL_PROCESS);
    }

    /** The model of DISCRETE enterprises (file path or built-in model name); blank for the default model. */
    public String discreteModelSource() {
        return getString(MODEL_DISCRETE);
    }

    /** The REST API's settings. */
    public ApiSettings api() {
        return api;
    }

    /** Replication factor for created topics; empty for the broker's default. */
    public Optional<Short> replicationFactor() {
        return Optional.ofNullable(getShort(TOPICS_REPLICATION_FACTOR));
    }

    /** Kafka Streams' state.dir: the setting, else Kafka's default (a kafka-streams folder in the temp directory). */
    public Path stateDir() {
        Object kafkaDefault = StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG);
        return Path.of(kafkaSettings().getOrDefault(StreamsConfig.STATE_DIR_CONFIG, String.valueOf(kafkaDefault)));
    }

    /** The free space the state directory must have at start-up, in bytes. */
    public long stateMinFreeBytes() {
        return getInt(STATE_MIN_FREE_MB) * 1024L * 1024L;
    }

    /** Kafka Streams' application.id (also the prefix of internal topics and the consumer group). */
    public String applicationId() {
        return getString(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /** Everything but the pipeline's own keys: Kafka Streams, client and registry settings, as given or declared. */
    public Map<String, String> kafkaSettings() {
        Map<String, String> kafka = new TreeMap<>(originalsStrings());
        values().forEach((key, value) -> {
            if (value != null) {
                kafka.put(key, String.valueOf(value));
            }
        });
        kafka.keySet().removeIf(key -> key.startsWith(OWN_PREFIX));
        return kafka;
    }

    /** The off-heap memory all RocksDB stores of the process share, in bytes. */
    public long rocksDbMemoryBytes() {
        return getInt(ROCKSDB_MEMORY_MB) * 1024L * 1024L;
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
        String clientId = kafkaSettings().get(StreamsConfig.CLIENT_ID_CONFIG);
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

    private Duration duration(String key) {
        return Duration.parse(getString(key));
    }

    /** Checks every value against its declaration and reports all problems at once. */
    private static ServiceSettings create(Map<String, String> given, String source) {
        Map<String, String> values = new LinkedHashMap<>(given);
        // An empty value of a setting without a default means "not set" (e.g. the broker's replication factor).
        values.entrySet().removeIf(e -> e.getValue().isBlank() && CONFIG.configKeys().containsKey(e.getKey())
                && CONFIG.configKeys().get(e.getKey()).defaultValue == null);
        Map<String, ConfigValue> checked = CONFIG.validateAll(values);
        // In the order of the declarations; a value of the wrong type is reported as its expectation says.
        List<String> problems = CONFIG.configKeys().values().stream()
                .filter(key -> !checked.get(key.name).errorMessages().isEmpty())
                .map(key -> key.validator instanceof Expectation expectation ? expectation.problem(key.name, values.get(key.name))
                        : String.join("; ", checked.get(key.name).errorMessages()))
                .toList();
        if (!problems.isEmpty()) {
            throw new SettingsException(source, problems);
        }
        return new ServiceSettings(values);
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
        keys.addAll(AvroSerdeConfig.configDef().names());
        for (String key : RegistryClientConfig.configDef().names()) {
            keys.add(key);
            keys.add(key.startsWith(REGISTRY_PREFIX) ? key : REGISTRY_PREFIX + key);
        }
        return Set.copyOf(keys);
    }
}

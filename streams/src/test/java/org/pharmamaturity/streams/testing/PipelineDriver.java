package org.pharmamaturity.streams.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.pharmamaturity.evaluation.model.ModelChoice;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogueReader;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.dlq.DeadLetterWiring;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.topology.PipelineTopology;
import org.pharmamaturity.streams.topology.ReferenceAuditTopology;
import org.pharmamaturity.streams.topology.TopologyDependencies;

/**
 * The whole pipeline topology in a TopologyTestDriver, with an in-memory schema registry of its own, a pinned
 * wall clock, and typed access to the input topics, output topics and stores. Records are piped with the pinned
 * wall clock as their Kafka timestamp, as real producers stamp CreateTime at send time, while their eventTimes lie
 * in the past: so every test runs the realistic case where the task's stream time is not the event time.
 */
public final class PipelineDriver implements AutoCloseable {

    /** The processing clock when the driver starts: after every event time the tests use. */
    public static final Instant WALL_CLOCK = Instant.parse("2025-03-10T00:00:00Z");

    private static final String APPLICATION_ID = "pipeline-test";

    private final String scope = "pipeline-driver-" + UUID.randomUUID();
    private final Map<String, Object> serdeSettings = Map.of("schema.registry.url", "mock://" + scope,
            "specific.avro.reader", true);
    private final CountingPipelineMeters meters = new CountingPipelineMeters();
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final Map<String, TestOutputTopic<String, ?>> outputs = new LinkedHashMap<>();
    private Instant wallClock = WALL_CLOCK;
    private boolean processingErrorsExpected;

    /**
     * A driver with the default settings, except that results are published on every change (publish interval
     * zero), so each test sees the record of each input it pipes, and days close as soon as the event time says so
     * (close margin zero), so a test closes a day by piping a later event; {@code KpiPublicationIntervalTest} covers
     * the interval, {@code DayCloseMarginTest} the margin.
     */
    public PipelineDriver() {
        this(TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO).withCloseMargin(Duration.ZERO));
    }

    /** A driver whose reference data already holds enterprise {@code enterpriseId} of {@code sector} and its equipment. */
    public static PipelineDriver withPlant(String enterpriseId, String sector, String... equipmentIds) {
        PipelineDriver driver = new PipelineDriver();
        driver.pipe(Topic.REF_ENTERPRISE, enterpriseId, TestRecords.enterprise(enterpriseId, sector));
        for (String equipmentId : equipmentIds) {
            driver.pipe(Topic.REF_EQUIPMENT, equipmentId, TestRecords.equipment(equipmentId, enterpriseId));
        }
        return driver;
    }

    /** Every enterprise scored with the reference model, whatever its manufacturing type. */
    public static final ModelChoice REFERENCE_FOR_EVERY_TYPE = new ModelChoice(Map.of(), ModelLoader.REFERENCE_MODEL);

    /** A driver scoring every enterprise with the reference model; scenarios of the built-in catalogue. */
    public PipelineDriver(TopologySettings settings) {
        this(settings, ModelRegistry.builtIn(), REFERENCE_FOR_EVERY_TYPE);
    }

    /** A driver (results published on every change) with these models and model choice. */
    public PipelineDriver(ModelRegistry models, ModelChoice modelChoice) {
        this(TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO), models, modelChoice);
    }

    /** A driver with these settings, models and model choice. */
    public PipelineDriver(TopologySettings settings, ModelRegistry models, ModelChoice modelChoice) {
        this(settings, models, modelChoice, PipelineTopology::build);
    }

    /** The reference audit topology (the service's second application) in a driver of its own. */
    public static PipelineDriver referenceAudit() {
        return new PipelineDriver(TopologySettings.DEFAULTS, ModelRegistry.builtIn(),
                REFERENCE_FOR_EVERY_TYPE, ReferenceAuditTopology::build);
    }

    private PipelineDriver(TopologySettings settings, ModelRegistry models, ModelChoice modelChoice,
            Function<TopologyDependencies, Topology> topology) {
        try {
            stateDir = Files.createTempDirectory("pipeline-driver");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TopologyDependencies dependencies = new TopologyDependencies(settings, new TopicSerdes(serdeSettings),
                models, modelChoice, new ScenarioDeclarations(ScenarioCatalogueReader.builtIn()), meters);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        properties.put("processing.exception.handler.global.enabled", true);
        properties.putAll(serdeSettings);
        DeadLetterWiring.install(properties, meters);
        driver = new TopologyTestDriver(topology.apply(dependencies), properties, WALL_CLOCK);
    }

    /** Pipes a record with the current wall clock as the Kafka timestamp, as a producer sending it now would. */
    public <V extends SpecificRecord> void pipe(Topic<V> topic, String key, V value) {
        pipe(topic, key, value, wallClock);
    }

    /** Pipes a record with the given Kafka timestamp. */
    public <V extends SpecificRecord> void pipe(Topic<V> topic, String key, V value, Instant timestamp) {
        AvroSerializer<V> serializer = new AvroSerializer<>(registry());
        serializer.configure(serdeSettings, false);
        TestInputTopic<String, V> input = driver.createInputTopic(topic.name(), new StringSerializer(), serializer);
        input.pipeInput(key, value, timestamp);
    }

    /** Pipes raw bytes, for records that are not what the topic expects. */
    public void pipeBytes(String topic, byte[] key, byte[] value, Instant timestamp) {
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(key, value, timestamp);
    }

    /** Serializes a record for a topic the way a registry-aware producer would (for building bad records). */
    public <V> byte[] serialize(String topic, V value) {
        AvroSerializer<V> serializer = new AvroSerializer<>(registry());
        serializer.configure(serdeSettings, false);
        return serializer.serialize(topic, value);
    }

    /** Every record written to the output topic since the last read, in order. */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> List<KeyValue<String, V>> read(Topic<V> topic) {
        TestOutputTopic<String, V> output = (TestOutputTopic<String, V>) outputs.computeIfAbsent(topic.name(), name -> {
            AvroDeserializer<V> deserializer = new AvroDeserializer<>(registry());
            deserializer.configure(serdeSettings, false);
            return driver.createOutputTopic(name, new StringDeserializer(), deserializer);
        });
        return output.readKeyValuesToList();
    }

    /**
     * Every record written to the repartition topic {@code name} (e.g. {@code kpi-enterprise-facts-telemetry}) since
     * the last read, in order: what one sub-topology handed to the next.
     */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> List<KeyValue<String, V>> readRepartition(String name, Class<V> type) {
        String topic = APPLICATION_ID + "-" + name + "-repartition";
        TestOutputTopic<String, V> output = (TestOutputTopic<String, V>) outputs.computeIfAbsent(topic,
                internal -> driver.createOutputTopic(internal, new StringDeserializer(),
                        StateSerde.of(type).deserializer()));
        return output.readKeyValuesToList();
    }

    /**
     * Every record written to the changelog of store {@code store} since the last read, in order (a deleted entry:
     * a null value): what a restart would restore.
     */
    @SuppressWarnings("unchecked")
    public <V> List<KeyValue<String, V>> readChangelog(String store, Deserializer<V> values) {
        String topic = APPLICATION_ID + "-" + store + "-changelog";
        TestOutputTopic<String, V> output = (TestOutputTopic<String, V>) outputs.computeIfAbsent(topic,
                internal -> driver.createOutputTopic(internal, new StringDeserializer(), values));
        return output.readKeyValuesToList();
    }

    /** The latest value per key of the records written since the last read. */
    public <V extends SpecificRecord> Map<String, V> latest(Topic<V> topic) {
        Map<String, V> latest = new LinkedHashMap<>();
        read(topic).forEach(record -> latest.put(record.key, record.value));
        return latest;
    }

    /** A key-value store of the topology. */
    public <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** A window store of the topology. */
    public <V> WindowStore<String, V> windowStore(String name) {
        return driver.getWindowStore(name);
    }

    /** Moves the processing clock on, firing wall-clock punctuators. */
    public void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
        wallClock = wallClock.plus(duration);
    }

    /** The counters the pipeline incremented. */
    public CountingPipelineMeters meters() {
        return meters;
    }

    private InMemorySchemaRegistryClient registry() {
        return InMemorySchemaRegistryClient.forScope(scope);
    }

    /** Lets this test's pipeline dead-letter processing errors (by default they fail the test at close). */
    public void expectProcessingErrors() {
        processingErrorsExpected = true;
    }

    @Override
    public void close() {
        driver.close();
        long processingErrors = meters.deadLetterCounts().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("|" + DeadLetterReason.PROCESSING_ERROR.name()))
                .mapToLong(Map.Entry::getValue).sum();
        if (processingErrors > 0 && !processingErrorsExpected) {
            throw new AssertionError(processingErrors + " record(s) failed inside the pipeline and went to the"
                    + " dead-letter topic as PROCESSING_ERROR; see the log for the stack traces");
        }
        InMemorySchemaRegistryClient.dropScope(scope);
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory does not affect the tests.
        }
    }
}

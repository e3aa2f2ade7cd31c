package org.pharmamaturity.streams.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.TopicProvisioner;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.testing.EmbeddedStack;

/**
 * The pipeline's topics on the embedded broker and registry (or a test's own broker or registry): created once,
 * written by real producers with the project's AvroSerializer, read from the beginning by read_committed consumers.
 */
final class EmbeddedTopics {

    private final String bootstrapServers;
    private final String registryUrl;
    /** Security settings of every client and serde: SASL and TLS for Kafka, trust store and credentials for the registry. */
    private final Map<String, Object> clientSettings;

    /** The topics on the JVM's shared embedded stack. */
    EmbeddedTopics() {
        this(EmbeddedStack.shared().bootstrapServers(), EmbeddedStack.shared().registryUrl());
    }

    /** The topics on a given broker, with a given registry. */
    EmbeddedTopics(String bootstrapServers, String registryUrl) {
        this(bootstrapServers, registryUrl, Map.of());
        TopicProvisioner.createMissing(Map.of("bootstrap.servers", bootstrapServers), Optional.empty());
    }

    private EmbeddedTopics(String bootstrapServers, String registryUrl, Map<String, Object> clientSettings) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.clientSettings = Map.copyOf(clientSettings);
    }

    /**
     * The topics of a secured broker and registry, used as the client {@code clientSettings} describe (Kafka's
     * security.protocol, sasl.*, ssl.* and the registry's basic auth and trust store); an administrator must have
     * created them, since a client with limited rights cannot.
     */
    static EmbeddedTopics asClient(String bootstrapServers, String registryUrl, Map<String, Object> clientSettings) {
        return new EmbeddedTopics(bootstrapServers, registryUrl, clientSettings);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    /**
     * Settings of a service on these topics, state under {@code stateDir}, every enterprise scored with the reference
     * model; grace and dedup horizon are ten years because other tests' events, months away, move the stream time of
     * the shared topics too.
     */
    Map<String, String> serviceSettings(String applicationId, Path stateDir) throws IOException {
        Map<String, String> settings = new HashMap<>();
        clientSettings.forEach((key, value) -> settings.put(key, value.toString()));
        settings.put("application.id", applicationId);
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("schema.registry.url", registryUrl);
        settings.put("state.dir", Files.createDirectories(stateDir.resolve("state")).toString());
        settings.put(ServiceSettings.KPI_GRACE, "P3650D");
        settings.put(ServiceSettings.DEDUP_HORIZON, "P3650D");
        settings.put(ServiceSettings.TOPICS_CREATE, "false");
        // A free port: tests run beside each other and beside a local run that holds 8080.
        settings.put(ServiceSettings.API_PORT, "0");
        // The reference model for every type, which the tests' hand-computed scores use; a test of the models per
        // type (TierReadinessIntegrationTest) sets them.
        settings.put(ServiceSettings.MODEL_PROCESS, "");
        settings.put(ServiceSettings.MODEL_DISCRETE, "");
        return settings;
    }

    /** An idempotent producer of Avro values with string keys. */
    KafkaProducer<String, SpecificRecord> producer() {
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
        values.configure(serdeSettings(Map.of()), false);
        return producer(values);
    }

    /** An idempotent producer with the given value serializer (one that already knows some schema ids). */
    KafkaProducer<String, SpecificRecord> producer(AvroSerializer<SpecificRecord> values) {
        Properties properties = new Properties();
        properties.putAll(clientSettings);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // One request in flight: in a burst sent just after the topics were created, a partition's first batch can
        // fail with NOT_LEADER_OR_FOLLOWER while the next is appended; its retry then fails with
        // OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout, and its records are lost (seen with 4,000 records).
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(properties, new StringSerializer(), values);
    }

    /** A producer of raw bytes, for records that are not what their topic expects. */
    KafkaProducer<byte[], byte[]> rawProducer() {
        Properties properties = new Properties();
        properties.putAll(clientSettings);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The registry's URL and the client settings, then {@code extra}. */
    private Map<String, Object> serdeSettings(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put("schema.registry.url", registryUrl);
        settings.putAll(extra);
        return settings;
    }

    /**
     * The latest committed value per key of the records whose key passes {@code keys}, read from the beginning
     * until {@code done} holds for them (or the timeout passes; the caller's assertions then say what is missing).
     */
    <V extends SpecificRecord> Map<String, V> latest(Topic<V> topic, Predicate<String> keys,
            Predicate<Map<String, V>> done, Duration timeout) {
        Map<String, V> latest = new LinkedHashMap<>();
        readCommitted(topic, keys, record -> latest.put(record.key(), record.value()), () -> done.test(latest), timeout);
        return latest;
    }

    /** Every committed record whose key passes {@code keys}, in partition order, read until {@code done} holds. */
    <V extends SpecificRecord> List<ConsumerRecord<String, V>> records(Topic<V> topic, Predicate<String> keys,
            Predicate<List<ConsumerRecord<String, V>>> done, Duration timeout) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        readCommitted(topic, keys, records::add, () -> done.test(records), timeout);
        return records;
    }

    private static <V> void poll(KafkaConsumer<String, V> consumer, Predicate<String> keys,
            Consumer<ConsumerRecord<String, V>> sink) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.key() != null && keys.test(record.key())) {
                sink.accept(record);
            }
        }
    }

    private <V extends SpecificRecord> void readCommitted(Topic<V> topic, Predicate<String> keys,
            Consumer<ConsumerRecord<String, V>> sink, BooleanSupplier done,
            Duration timeout) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<V> values = new AvroDeserializer<>();
        values.configure(serdeSettings(Map.of("specific.avro.reader", true)), false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map((PartitionInfo info) -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                poll(consumer, keys, sink);
                if (done.getAsBoolean()) {
                    // Read on to the end of what is committed now, so a later update of a key is not missed.
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                        poll(consumer, keys, sink);
                    }
                    return;
                }
            }
        }
    }
}

package org.pharmamaturity.producers.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;
import org.pharmamaturity.testing.EmbeddedStack;

/** Reads what a topic holds on the embedded stack: its end offsets, and every value up to them. */
public final class TopicProbe {

    private final String bootstrapServers;
    private final String registryUrl;
    /** Security settings of the consumers and the deserializer (SASL, TLS, registry credentials); empty for none. */
    private final Map<String, Object> clientSettings;

    public TopicProbe(EmbeddedStack stack) {
        this(stack.bootstrapServers(), stack.registryUrl(), Map.of());
    }

    /** A probe of another broker (a test's own) with the given registry, as a client without security settings. */
    public TopicProbe(String bootstrapServers, String registryUrl) {
        this(bootstrapServers, registryUrl, Map.of());
    }

    /** A probe of another broker and registry, read as the client {@code clientSettings} describe. */
    public TopicProbe(String bootstrapServers, String registryUrl, Map<String, Object> clientSettings) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.clientSettings = Map.copyOf(clientSettings);
    }

    /** The sum of the topic's end offsets (0 for a topic that does not exist yet). */
    public long endOffsetSum(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every value of the topic, read with the project's Avro deserializer until the end offsets are reached. */
    public <V> List<V> values(String topic, Class<V> type) {
        Map<String, Object> configs = new HashMap<>(clientSettings);
        configs.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class));
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(configs)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(type.cast(record.value()));
                }
            }
        }
        return values;
    }

    private KafkaConsumer<String, byte[]> rawConsumer() {
        Map<String, Object> configs = new HashMap<>(clientSettings);
        configs.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class));
        return new KafkaConsumer<>(configs);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        return infos == null ? List.of() : infos.stream()
                .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
    }
}

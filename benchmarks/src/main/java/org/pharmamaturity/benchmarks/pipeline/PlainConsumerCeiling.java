package org.pharmamaturity.benchmarks.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;

/**
 * The ceiling the pipeline is compared with: one plain consumer that reads the same backlog records from the
 * input topics and only deserializes them (string keys, Avro values into the generated classes), timed from the
 * first poll until every partition reaches the backlog's end. Garbage records (a poisoned backlog) are skipped and
 * not counted.
 */
final class PlainConsumerCeiling {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final String bootstrapServers;
    private final String registryUrl;

    PlainConsumerCeiling(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Reads {@code from} (inclusive) up to {@code to} (exclusive) per partition; the rate in records per second. */
    Rate read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<Object> values = new AvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<TopicPartition> partitions = List.copyOf(to.keySet());
        long expected = partitions.stream().mapToLong(p -> to.get(p) - from.getOrDefault(p, 0L)).sum();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            consumer.assign(partitions);
            partitions.forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            long read = 0;
            long start = System.nanoTime();
            long deadline = start + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < to.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new BenchmarkException("The plain consumer read " + read + " of " + expected
                            + " records in " + TIMEOUT + "; is the broker overloaded?");
                }
                ConsumerRecords<String, Object> records;
                try {
                    records = consumer.poll(Duration.ofMillis(100));
                } catch (RecordDeserializationException garbage) {
                    // A poisoned backlog's garbage is skipped, as the pipeline dead-letters it; only good records count.
                    consumer.seek(garbage.topicPartition(), garbage.offset() + 1);
                    continue;
                }
                for (ConsumerRecord<String, Object> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    // The consumer has deserialized the value already; count what belongs to the backlog.
                    if (record.offset() < to.get(partition) && record.value() != null) {
                        read++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Rate(read, seconds);
        }
    }
}

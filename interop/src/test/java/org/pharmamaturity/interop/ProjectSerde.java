package org.pharmamaturity.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;
import org.pharmamaturity.schemas.serde.AvroSerializer;

/**
 * The project's side of the interop tests: plain Kafka clients configured with the project's serde through
 * Confluent's config keys, exactly as an application would.
 */
final class ProjectSerde {

    private final String bootstrapServers;
    private final String registryUrl;

    ProjectSerde(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Creates a one-partition topic, so records keep the order they were written in. */
    void createTopic(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    /** Writes the values with {@link AvroSerializer}, which registers their schema under {@code <topic>-value}. */
    void write(String topic, List<String> keys, List<? extends SpecificRecord> values) throws ExecutionException, InterruptedException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        p.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        p.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i))).get();
            }
        }
    }

    /** Reads {@code count} values from the start of the topic with {@link AvroDeserializer} into generated classes. */
    List<Object> read(String topic, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "interop-java-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        p.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        p.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        List<Object> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            for (int polls = 0; polls < 120 && values.size() < count; polls++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            // One more poll: a record beyond the expected ones would show up in the result.
            consumer.poll(Duration.ofMillis(500)).forEach((ConsumerRecord<String, Object> r) -> values.add(r.value()));
        }
        return values;
    }
}

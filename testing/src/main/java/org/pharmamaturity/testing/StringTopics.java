package org.pharmamaturity.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Creates topics and writes and reads string records on one broker, for the broker tests. */
public final class StringTopics {

    private final String bootstrapServers;

    public StringTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void create(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    /** A string producer; {@code extra} adds settings such as a transactional id. */
    public KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.putAll(extra);
        return new KafkaProducer<>(p);
    }

    /** Sends {@code key=value} pairs one by one, waiting for each acknowledgement. */
    public void send(String topic, String... keyValues) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            for (String keyValue : keyValues) {
                String[] parts = keyValue.split("=", 2);
                producer.send(new ProducerRecord<>(topic, parts[0], parts[1])).get();
            }
        }
    }

    /**
     * The topic's records as {@code key=value} from the beginning, read until {@code expected} arrived and then
     * once more, so a record beyond the expected ones shows up too.
     */
    public List<String> read(String topic, String isolationLevel, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            for (int polls = 0; polls < 120 && read.size() < expected; polls++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.key() + "=" + r.value()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.key() + "=" + r.value()));
        }
        return read;
    }
}

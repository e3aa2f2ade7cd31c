package org.pharmamaturity.streams.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.streams.config.ServiceSettings;

/**
 * Publishes records the API accepted (self-assessments, scenario declarations) to their input topic, keyed by
 * enterpriseId, with an idempotent producer (acks=all) and the project's Avro serializer; the service's Kafka
 * security and registry settings are passed through. A send is waited for, so an accepted record is durably in
 * the topic.
 *
 * @param <V> the topic's record
 */
final class InputPublisher<V extends SpecificRecord> implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Topic<V> topic;
    private final Function<V, String> key;
    private final KafkaProducer<String, V> producer;

    /** A publisher to {@code topic}, keyed by {@code key}, whose client.id ends in {@code clientSuffix}. */
    InputPublisher(ServiceSettings settings, Topic<V> topic, Function<V, String> key, String clientSuffix) {
        this.topic = topic;
        this.key = key;
        Map<String, Object> config = new HashMap<>();
        settings.kafkaSettings().forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                config.put(name, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.applicationId() + "-api-" + clientSuffix);
        AvroSerializer<V> values = new AvroSerializer<>();
        values.configure(settings.serdeSettings(), false);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Sends and waits for the broker's acknowledgement; 503 when it does not come. */
    RecordMetadata publish(V value) throws InterruptedException {
        try {
            return producer.send(new ProducerRecord<>(topic.name(), key.apply(value), value))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw ApiException.unavailable("The record could not be published to " + topic.name() + " ("
                    + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName()
                    + "); nothing was accepted, submit it again.");
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

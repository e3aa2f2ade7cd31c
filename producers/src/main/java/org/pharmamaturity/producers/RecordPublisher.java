package org.pharmamaturity.producers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.serde.AvroSerializer;

/**
 * Sends Avro records to the pipeline's topics through one idempotent producer and counts what the brokers
 * acknowledged and what failed, so commands can show progress and a summary.
 */
public final class RecordPublisher implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstError = new AtomicReference<>();

    /** A publisher with the given settings; {@code tuning} adds producer configs (batching, compression). */
    public RecordPublisher(ProducerSettings settings, Map<String, Object> tuning) {
        Map<String, Object> overrides = new HashMap<>(tuning);
        overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        overrides.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(settings.producerConfigs(overrides));
    }

    /**
     * Sends {@code value} keyed by {@code key} to {@code topic}; the outcome is counted when it is known, and the
     * returned future tells it to a caller that must know which records arrived (the gateway's forwarder).
     */
    public <V extends SpecificRecord> Future<RecordMetadata> send(Topic<V> topic, String key, V value) {
        sent.incrementAndGet();
        return producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, error) -> {
            if (error == null) {
                acknowledged.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, error);
            }
        });
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Records handed to the producer. */
    public long sent() {
        return sent.get();
    }

    /** Records the brokers acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Records that could not be delivered (serialization, registry or broker errors). */
    public long failed() {
        return failed.get();
    }

    /** The first delivery error, for the summary; null when none. */
    public Exception firstError() {
        return firstError.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}

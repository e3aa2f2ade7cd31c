package org.pharmamaturity.benchmarks.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.simulate.SimEvent;

/**
 * Pushes a run's backlog: the good records through the project's Avro serializer, and the records {@link PoisonPills}
 * replaces as raw garbage bytes through a second producer with the same settings, to the same topic and key.
 */
final class BacklogPusher {

    private final BenchStack stack;

    BacklogPusher(BenchStack stack) {
        this.stack = stack;
    }

    /** Sends {@code events} with {@code poison} applied; the rate of every record sent, good and garbage. */
    Rate push(List<SimEvent<?>> events, PoisonPills poison) {
        AtomicLong garbageFailed = new AtomicLong();
        AtomicReference<Exception> garbageError = new AtomicReference<>();
        try (RecordPublisher publisher = new RecordPublisher(stack.producerSettings(), BenchTopics.PRODUCER_TUNING);
                KafkaProducer<String, byte[]> raw = new KafkaProducer<>(rawConfigs())) {
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i++) {
                SimEvent<?> event = events.get(i);
                if (poison.replaces(i)) {
                    raw.send(new ProducerRecord<>(event.topic().name(), event.key(), PoisonPills.garbage(i)),
                            (metadata, error) -> {
                                if (error != null) {
                                    garbageFailed.incrementAndGet();
                                    garbageError.compareAndSet(null, error);
                                }
                            });
                } else {
                    event.sendWith(publisher);
                }
            }
            publisher.flush();
            raw.flush();
            if (publisher.failed() > 0 || garbageFailed.get() > 0) {
                Exception first = publisher.firstError() != null ? publisher.firstError() : garbageError.get();
                throw new BenchmarkException((publisher.failed() + garbageFailed.get())
                        + " backlog records could not be sent: " + first);
            }
            return new Rate(events.size(), (System.nanoTime() - start) / 1e9);
        }
    }

    private Map<String, Object> rawConfigs() {
        Map<String, Object> overrides = new HashMap<>(BenchTopics.PRODUCER_TUNING);
        overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        overrides.put(ProducerConfig.ACKS_CONFIG, "all");
        return stack.producerSettings().producerConfigs(overrides);
    }
}

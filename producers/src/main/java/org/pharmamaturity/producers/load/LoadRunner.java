package org.pharmamaturity.producers.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.simulate.SimEvent;

/**
 * Pushes pre-generated events as fast as one idempotent producer can (batching and compression as configured)
 * and times it from the first send to the last acknowledgement; the raw mode sends byte arrays of the same
 * mean size to one topic, the baseline {@code kafka-producer-perf-test} would measure.
 */
public final class LoadRunner {

    private final ProducerSettings settings;
    private final Map<String, Object> tuning;

    /** A runner with the given producer tuning (linger.ms, batch.size, compression.type). */
    public LoadRunner(ProducerSettings settings, Map<String, Object> tuning) {
        this.settings = settings;
        this.tuning = Map.copyOf(tuning);
    }

    /** Sends every event through the project's Avro serializer to its pipeline topic. */
    public LoadResult avro(List<SimEvent<?>> events) {
        double bytesPerRecord = EncodedSize.meanOf(events);
        try (RecordPublisher publisher = new RecordPublisher(settings, tuning)) {
            long start = System.nanoTime();
            for (SimEvent<?> event : events) {
                event.sendWith(publisher);
            }
            publisher.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LoadResult("avro", events.size(), publisher.acknowledged(), publisher.failed(),
                    bytesPerRecord, seconds);
        }
    }

    /**
     * Sends {@code count} unkeyed byte arrays of {@code recordBytes} random capital letters (the perf-test tool's
     * payload) to {@code topic}, each one different.
     */
    public LoadResult raw(String topic, int count, int recordBytes, long seed) {
        byte[][] payloads = payloads(count, recordBytes, seed);
        Map<String, Object> overrides = new HashMap<>(tuning);
        overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        overrides.put(ProducerConfig.ACKS_CONFIG, "all");
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producerConfigs(overrides))) {
            long start = System.nanoTime();
            for (byte[] payload : payloads) {
                producer.send(new ProducerRecord<>(topic, payload), (metadata, error) -> {
                    (error == null ? acknowledged : failed).incrementAndGet();
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            producer.close(Duration.ofSeconds(30));
            return new LoadResult("raw", count, acknowledged.get(), failed.get(), recordBytes, seconds);
        }
    }

    /** The mean wire size of the events, the record size of the matching raw run. */
    public static int recordBytesOf(List<SimEvent<?>> events) {
        return EncodedSize.meanOf(events);
    }

    private static byte[][] payloads(int count, int recordBytes, long seed) {
        // Every payload differs, like the distinct Avro events, so compression gets no easier input than theirs.
        Random random = new Random(seed);
        byte[][] payloads = new byte[count][recordBytes];
        for (byte[] payload : payloads) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) ('A' + random.nextInt(26));
            }
        }
        return payloads;
    }
}

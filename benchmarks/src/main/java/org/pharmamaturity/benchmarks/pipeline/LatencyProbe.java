package org.pharmamaturity.benchmarks.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pharmamaturity.producers.simulate.SimEvent;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.EquipmentClass;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;
import org.pharmamaturity.schemas.serde.AvroSerializer;

/**
 * Latency from a reading's production to the enterprise KPI update a read_committed consumer sees. A machine of its
 * own, registered with the reference data, is set RUNNING and then sends paced production counts of one good unit
 * each; the enterprise's daily KPI carries the running good count, so the update showing a count of {@code i} or
 * more is the first one that reflects reading {@code i}. Latency of reading {@code i} = the wall time that update
 * was read minus the wall time reading {@code i} was handed to the producer.
 */
final class LatencyProbe {

    static final String ENTERPRISE = "BENCH-LATENCY";
    static final String SITE = ENTERPRISE + "-S1";
    static final String EQUIPMENT = SITE + "-EQ01";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String bootstrapServers;
    private final String registryUrl;

    LatencyProbe(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** The enterprise and machine the probe reports for, to load with the reference data. */
    static List<SimEvent<?>> referenceRecords() {
        Instant registered = BenchWorkload.START;
        Enterprise enterprise = new Enterprise(UUID.randomUUID().toString(), registered, ENTERPRISE,
                "Benchmark latency probe", "913100000000000000", "C272", "浦东新区", ManufacturingType.PROCESS);
        Equipment equipment = new Equipment(UUID.randomUUID().toString(), registered, ENTERPRISE, SITE, EQUIPMENT,
                SITE + "-L1", EquipmentClass.TABLET_PRESS, true, true, true);
        return List.of(new SimEvent<>(Topic.REF_ENTERPRISE, ENTERPRISE, enterprise, registered.toEpochMilli()),
                new SimEvent<>(Topic.REF_EQUIPMENT, EQUIPMENT, equipment, registered.toEpochMilli()));
    }

    /**
     * Sends {@code readings} counts at {@code perSecond}, event times from {@code afterEventTimeMs} on (after the
     * backlog, so they are on time), and returns each reading's latency in milliseconds.
     */
    List<Double> measure(int readings, int perSecond, long afterEventTimeMs) throws InterruptedException {
        long startMs = sameDayStart(afterEventTimeMs + 60_000, readings + 1L);
        String dailyKey = Topic.dailyKey(ENTERPRISE, LocalDate.ofInstant(Instant.ofEpochMilli(startMs), ZoneOffset.UTC));
        long[] sentAt = new long[readings + 1];
        long[] seenAt = new long[readings + 1];
        AtomicBoolean stop = new AtomicBoolean();
        try (KafkaConsumer<String, EnterpriseKpi> consumer = consumer();
                KafkaProducer<String, SpecificRecord> producer = producer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.KPI_ENTERPRISE_DAILY.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread reader = Thread.ofPlatform().name("latency-reader").start(() -> {
                int covered = 0;
                while (!stop.get() && covered < readings) {
                    for (ConsumerRecord<String, EnterpriseKpi> record : consumer.poll(Duration.ofMillis(5))) {
                        long now = System.nanoTime();
                        if (dailyKey.equals(record.key()) && record.value().getComponents() != null) {
                            long good = Math.min(readings, record.value().getComponents().getGoodCount());
                            for (int i = covered + 1; i <= good; i++) {
                                seenAt[i] = now;
                            }
                            covered = (int) Math.max(covered, good);
                        }
                    }
                }
            });
            producer.send(new ProducerRecord<>(Topic.FACTORY_EQUIPMENT_STATE.name(), EQUIPMENT,
                    new EquipmentStateChange(UUID.randomUUID().toString(), Instant.ofEpochMilli(startMs), ENTERPRISE,
                            SITE, EQUIPMENT, EquipmentState.RUNNING, null)));
            producer.flush();
            long pauseNanos = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            for (int i = 1; i <= readings; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                sentAt[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(Topic.FACTORY_PRODUCTION_COUNT.name(), EQUIPMENT,
                        new ProductionCount(UUID.randomUUID().toString(), Instant.ofEpochMilli(startMs + i), ENTERPRISE,
                                SITE, EQUIPMENT, "B-LATENCY", 1L, 0L, 36.0)));
                next += pauseNanos;
            }
            producer.flush();
            reader.join(TIMEOUT.toMillis());
            stop.set(true);
            reader.join();
        }
        List<Double> latencies = new ArrayList<>(readings);
        for (int i = 1; i <= readings; i++) {
            if (seenAt[i] == 0) {
                throw new BenchmarkException("Reading " + i + " of " + readings + " did not reach " + dailyKey + " in "
                        + Topic.KPI_ENTERPRISE_DAILY.name() + " within " + TIMEOUT + "; is the service running?");
            }
            latencies.add((seenAt[i] - sentAt[i]) / 1e6);
        }
        return latencies;
    }

    /** {@code fromMs}, or the next day's start plus a minute when {@code spanMs} would cross midnight. */
    private static long sameDayStart(long fromMs, long spanMs) {
        long dayMs = Duration.ofDays(1).toMillis();
        return fromMs / dayMs == (fromMs + spanMs) / dayMs ? fromMs : (fromMs / dayMs + 1) * dayMs + 60_000;
    }

    private KafkaConsumer<String, EnterpriseKpi> consumer() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<EnterpriseKpi> values = new AvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return new KafkaConsumer<>(settings, new StringDeserializer(), values);
    }

    private KafkaProducer<String, SpecificRecord> producer() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // Each reading leaves at once, as a plant gateway's would.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return new KafkaProducer<>(settings, new StringSerializer(), values);
    }
}

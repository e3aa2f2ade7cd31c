package org.pharmamaturity.benchmarks.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.schemas.Topic;

/** The topics a benchmark run pushes to and measures, and how its producer batches. */
final class BenchTopics {

    /** Every input topic but the reference data: what the backlog is made of. */
    static final Set<String> EVENT_INPUTS = InputTopics.ALL.stream()
            .filter(topic -> topic != Topic.REF_ENTERPRISE && topic != Topic.REF_EQUIPMENT)
            .map(Topic::name).collect(Collectors.toUnmodifiableSet());

    /** The producers' {@code load} defaults: lz4, 256 KiB batches, 10 ms linger. */
    static final Map<String, Object> PRODUCER_TUNING = Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.LINGER_MS_CONFIG, 10);

    private BenchTopics() {
    }
}

package org.pharmamaturity.benchmarks.pipeline;

import java.util.Map;

import org.pharmamaturity.embedded.EmbeddedStack;
import org.pharmamaturity.producers.ProducerSettings;

/**
 * The broker and registry a benchmark runs against: given ones (e.g. the local run's, 127.0.0.1:9092 and :8081)
 * or, when none is given, the embedded stack started in this process (a KRaft broker from Kafka's test kit and an
 * Apicurio child process).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param registryUrl Confluent-compatible registry URL
 * @param description how the stack was obtained, for the report
 */
record BenchStack(String bootstrapServers, String registryUrl, String description) {

    static BenchStack given(String bootstrapServers, String registryUrl) {
        return new BenchStack(bootstrapServers, registryUrl, "given broker " + bootstrapServers);
    }

    static BenchStack inProcess() {
        EmbeddedStack stack = EmbeddedStack.shared();
        return new BenchStack(stack.bootstrapServers(), stack.registryUrl(),
                "in-process KRaft broker (test kit) + Apicurio child process");
    }

    ProducerSettings producerSettings() {
        return new ProducerSettings(bootstrapServers, registryUrl, Map.of());
    }
}

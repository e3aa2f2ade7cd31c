package org.pharmamaturity.benchmarks.pipeline;

import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;

/** Waits for a benchmarked service's Kafka Streams to take its tasks before anything is timed. */
public final class StreamsStartup {

    private StreamsStartup() {
    }

    /** Returns once {@code streams} is RUNNING; fails when it stops instead or takes longer than {@code timeout}. */
    public static void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new BenchmarkException("The pipeline stopped while starting: " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new BenchmarkException("The pipeline did not reach RUNNING within " + timeout);
            }
            Thread.sleep(10);
        }
    }
}

package org.pharmamaturity.benchmarks.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.simulate.SimEvent;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;

/**
 * One timed run: a fresh application (its own id, group, internal topics and state) whose group starts at the
 * input topics' current end; the backlog is pushed while no pipeline runs, the plain consumer reads it (the
 * ceiling), then the service starts and is timed from RUNNING until its group has committed the whole backlog and
 * drained its repartition topics; then the paced latency stream runs against the idle service.
 */
final class TimedRun {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

    /** What one run measured. */
    record Result(String label, int run, Rate pipeline, Rate ceiling, Rate producer, List<Double> latenciesMs,
                  ResourceFigures resources, long deadLetters) {

        double ratio() {
            return pipeline.perSecond() / ceiling.perSecond();
        }
    }

    private final BenchStack stack;
    private final GroupProgress progress;
    private final BenchWorkload workload;
    private final Path stateRoot;
    private final Map<String, String> extraSettings;
    private final LatencySettings latency;

    TimedRun(BenchStack stack, GroupProgress progress, BenchWorkload workload, Path stateRoot,
             Map<String, String> extraSettings, LatencySettings latency) {
        this.stack = stack;
        this.progress = progress;
        this.workload = workload;
        this.stateRoot = stateRoot;
        this.extraSettings = Map.copyOf(extraSettings);
        this.latency = latency;
    }

    /** How many paced readings at what rate; 0 readings skips the latency stream. */
    record LatencySettings(int readings, int perSecond) {
    }

    /**
     * Runs {@code variant} (its settings on top of the common ones) with {@code guarantee}; the result is labelled
     * with the guarantee and the variant's name.
     */
    Result run(String guarantee, Variant variant, int run, String applicationId) throws InterruptedException {
        Set<String> inputs = BenchTopics.EVENT_INPUTS;
        Map<TopicPartition, Long> start = progress.endOffsets(inputs);
        progress.startAt(applicationId, start);
        long deadLettersBefore = total(progress.endOffsets(Set.of(Topic.MATURITY_DLQ.name())));
        Rate producer = push(workload.backlog());
        Map<TopicPartition, Long> targets = progress.endOffsets(inputs);
        Rate ceiling = new PlainConsumerCeiling(stack.bootstrapServers(), stack.registryUrl()).read(start, targets);

        Path stateDir = stateRoot.resolve(applicationId);
        try (MaturityStreamsService service = MaturityStreamsService.start(
                settings(guarantee, variant, applicationId, stateDir),
                new CountingPipelineMeters())) {
            awaitRunning(service.streams());
            long began = System.nanoTime();
            int slack = StreamsConfig.AT_LEAST_ONCE.equals(guarantee) ? 0 : 1;
            long deadline = began + DRAIN_TIMEOUT.toNanos();
            while (!progress.caughtUp(applicationId, targets, slack)) {
                if (System.nanoTime() > deadline) {
                    throw new BenchmarkException(applicationId + " did not consume the backlog within " + DRAIN_TIMEOUT);
                }
                Thread.sleep(50);
            }
            Rate pipeline = new Rate(workload.backlog().size(), (System.nanoTime() - began) / 1e9);
            ResourceFigures resources = ResourceFigures.of(service.streams(), stateDir);
            List<Double> latencies = latency.readings() == 0 ? List.of()
                    : new LatencyProbe(stack.bootstrapServers(), stack.registryUrl())
                            .measure(latency.readings(), latency.perSecond(), workload.lastEventTimeMs());
            long deadLetters = total(progress.endOffsets(Set.of(Topic.MATURITY_DLQ.name()))) - deadLettersBefore;
            return new Result(variant.label(guarantee), run, pipeline, ceiling, producer, latencies, resources, deadLetters);
        } finally {
            progress.forget(applicationId);
            Directories.deleteQuietly(stateDir);
        }
    }

    private Rate push(List<SimEvent<?>> events) {
        try (RecordPublisher publisher = new RecordPublisher(stack.producerSettings(), BenchTopics.PRODUCER_TUNING)) {
            long start = System.nanoTime();
            events.forEach(event -> event.sendWith(publisher));
            publisher.flush();
            if (publisher.failed() > 0) {
                throw new BenchmarkException(publisher.failed() + " backlog records could not be sent: "
                        + publisher.firstError());
            }
            return new Rate(publisher.acknowledged(), (System.nanoTime() - start) / 1e9);
        }
    }

    private ServiceSettings settings(String guarantee, Variant variant, String applicationId, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        settings.put("schema.registry.url", stack.registryUrl());
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // The drain is seen in the committed offsets, so both guarantees commit as often (at_least_once's default
        // of 30 s would round every run up to the next commit).
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        settings.put(ServiceSettings.TOPICS_CREATE, "false");
        settings.putAll(extraSettings);
        settings.putAll(variant.settings());
        return ServiceSettings.of(settings);
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new BenchmarkException("The pipeline stopped while starting: " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new BenchmarkException("The pipeline did not reach RUNNING within " + START_TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}

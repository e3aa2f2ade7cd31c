package org.pharmamaturity.benchmarks.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.serde.TopicSerdes;

/**
 * One timed run: a fresh application (its own id, group, internal topics and state) whose group starts at the
 * input topics' current end; the backlog is pushed while no pipeline runs, the plain consumer reads it (the
 * ceiling), the skeleton application ({@link SkeletonPipeline}) consumes it with the same settings, then the service
 * starts; both are timed from RUNNING until their group has committed the whole backlog and drained its
 * repartition topics; then the paced latency stream runs against the idle service.
 */
final class TimedRun {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

    /**
     * What one run measured.
     *
     * @param pipeline the good backlog records (garbage excluded) over the drain time
     * @param garbage backlog records sent as garbage
     * @param deadLetters dead letters the service counted during the run
     */
    record Result(String label, int run, Rate pipeline, Rate ceiling, Rate skeleton, Rate producer,
                  List<Double> latenciesMs, ResourceFigures resources, long garbage, long deadLetters) {

        double ratio() {
            return pipeline.perSecond() / ceiling.perSecond();
        }

        double skeletonRatio() {
            return pipeline.perSecond() / skeleton.perSecond();
        }

        /** Good input makes no dead letter, and each garbage record exactly one. */
        boolean deadLettersMatchGarbage() {
            return deadLetters == garbage;
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
     * Runs {@code variant} (its settings on top of the common ones) with {@code guarantee}, the backlog poisoned
     * by {@code poison}; the result is labelled with the guarantee, the variant's name and the poison.
     */
    Result run(String guarantee, Variant variant, PoisonPills poison, int run, String applicationId)
            throws InterruptedException {
        Set<String> inputs = BenchTopics.EVENT_INPUTS;
        Map<TopicPartition, Long> start = progress.endOffsets(inputs);
        progress.startAt(applicationId, start);
        Rate producer = new BacklogPusher(stack).push(workload.backlog(), poison);
        int garbage = poison.count(workload.backlog().size());
        Map<TopicPartition, Long> targets = progress.endOffsets(inputs);
        Rate ceiling = new PlainConsumerCeiling(stack.bootstrapServers(), stack.registryUrl()).read(start, targets);
        int good = workload.backlog().size() - garbage;
        Rate skeleton = skeleton(guarantee, variant, applicationId + "-skeleton", start, targets, good);

        Path stateDir = stateRoot.resolve(applicationId);
        CountingPipelineMeters meters = new CountingPipelineMeters();
        try (MaturityStreamsService service = MaturityStreamsService.start(
                settings(guarantee, variant, applicationId, stateDir), meters)) {
            StreamsStartup.awaitRunning(service.streams(), START_TIMEOUT);
            Rate pipeline = drain(applicationId, guarantee, targets, good);
            ResourceFigures resources = ResourceFigures.of(service.streams(), stateDir);
            List<Double> latencies = latency.readings() == 0 ? List.of()
                    : new LatencyProbe(stack.bootstrapServers(), stack.registryUrl())
                            .measure(latency.readings(), latency.perSecond(), workload.lastEventTimeMs());
            // Counted by the service rather than read from the DLQ's end offsets: under exactly-once those also
            // count a commit marker per transaction that wrote a dead letter.
            long deadLetters = total(meters.deadLetterCounts());
            return new Result(variant.label(guarantee) + poison.labelSuffix(), run, pipeline, ceiling, skeleton,
                    producer, latencies, resources, garbage, deadLetters);
        } finally {
            progress.forget(applicationId);
            Directories.deleteQuietly(stateDir);
        }
    }

    /** Times the skeleton over the same backlog, with the service's Kafka settings, then deletes its traces. */
    private Rate skeleton(String guarantee, Variant variant, String applicationId, Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> targets, int good) throws InterruptedException {
        progress.startAt(applicationId, start);
        Path stateDir = stateRoot.resolve(applicationId);
        ServiceSettings settings = settings(guarantee, variant, applicationId, stateDir);
        KafkaStreams skeleton = SkeletonPipeline.create(new TopicSerdes(settings.serdeSettings()),
                settings.streamsProperties());
        try {
            skeleton.start();
            StreamsStartup.awaitRunning(skeleton, START_TIMEOUT);
            return drain(applicationId, guarantee, targets, good);
        } finally {
            // Leaving the group at once, as the service does, so that the group can be deleted right after.
            skeleton.close(CloseOptions.timeout(Duration.ofSeconds(30))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            progress.forget(applicationId);
            Directories.deleteQuietly(stateDir);
        }
    }

    /**
     * Waits until {@code applicationId} has consumed the backlog up to {@code targets} through its whole topology;
     * the rate of the {@code good} records over that time.
     */
    private Rate drain(String applicationId, String guarantee, Map<TopicPartition, Long> targets, int good)
            throws InterruptedException {
        long began = System.nanoTime();
        int slack = StreamsConfig.AT_LEAST_ONCE.equals(guarantee) ? 0 : 1;
        long deadline = began + DRAIN_TIMEOUT.toNanos();
        while (!progress.caughtUp(applicationId, targets, slack)) {
            if (System.nanoTime() > deadline) {
                throw new BenchmarkException(applicationId + " did not consume the backlog within " + DRAIN_TIMEOUT);
            }
            Thread.sleep(50);
        }
        return new Rate(good, (System.nanoTime() - began) / 1e9);
    }

    private ServiceSettings settings(String guarantee, Variant variant, String applicationId, Path stateDir) {
        Map<String, String> settings = stack.serviceSettings(applicationId, stateDir);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        // The drain is seen in the committed offsets, so both guarantees commit as often (at_least_once's default
        // of 30 s would round every run up to the next commit).
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        settings.putAll(extraSettings);
        settings.putAll(variant.settings());
        return ServiceSettings.of(settings);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}

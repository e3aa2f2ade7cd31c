package org.pharmamaturity.benchmarks.soak;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.streams.KafkaStreams;
import org.pharmamaturity.benchmarks.pipeline.GroupProgress;
import org.pharmamaturity.benchmarks.pipeline.Percentiles;
import org.pharmamaturity.benchmarks.pipeline.ResourceFigures;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;

/** Takes the soak's samples from the running parts: simulator, service, its group, its state and the API load. */
final class Sampler {

    private static final Set<String> INPUTS = InputTopics.ALL.stream().map(Topic::name)
            .collect(Collectors.toUnmodifiableSet());

    private final long startNanos;
    private final SimulatorLoad simulator;
    private final KafkaStreams streams;
    private final CountingPipelineMeters meters;
    private final GroupProgress progress;
    private final String groupId;
    private final Path stateDirectory;
    private final ApiWindow api;
    private SoakSample previous;

    Sampler(long startNanos, SimulatorLoad simulator, KafkaStreams streams, CountingPipelineMeters meters,
            GroupProgress progress, String groupId, Path stateDirectory, ApiWindow api) {
        this.startNanos = startNanos;
        this.simulator = simulator;
        this.streams = streams;
        this.meters = meters;
        this.progress = progress;
        this.groupId = groupId;
        this.stateDirectory = stateDirectory;
        this.api = api;
    }

    /** A sample now; rates are since the previous one (or the start). */
    SoakSample take() {
        simulator.requireAlive();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long sent = simulator.acknowledged();
        long processed = INPUTS.stream().mapToLong(meters::records).sum();
        long lag = progress.lag(groupId, INPUTS);
        ResourceFigures resources = ResourceFigures.of(streams, stateDirectory);
        ApiWindow.Latencies answers = api.drain();
        long deadLetters = meters.deadLetterCounts().values().stream().mapToLong(Long::longValue).sum();
        double since = elapsed - (previous == null ? 0 : previous.elapsedSeconds());
        long sentBefore = previous == null ? 0 : previous.eventsSent();
        long processedBefore = previous == null ? 0 : previous.processed();
        SoakSample sample = new SoakSample(elapsed, sent, (sent - sentBefore) / since, simulator.failed(), processed,
                (processed - processedBefore) / since, lag, resources, answers.latenciesMs().size(),
                Percentiles.of(answers.latenciesMs()), answers.errors(), deadLetters);
        previous = sample;
        return sample;
    }
}

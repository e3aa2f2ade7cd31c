package org.pharmamaturity.producers.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.producers.ConnectionOptions;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.TopicSetup;
import org.pharmamaturity.producers.simulate.PlantSimulation;
import org.pharmamaturity.producers.simulate.PopulationGenerator;
import org.pharmamaturity.producers.simulate.SimEvent;
import org.pharmamaturity.schemas.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code load}: the benchmark harness's fastest way to push N simulated events, with a raw-bytes baseline. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Pre-generate N simulated events, then push them as fast as possible (idempotent producer, "
                + "batching, compression) and print the achieved rate.",
                "--mode both also sends N byte arrays of the same mean size to --raw-topic, the "
                + "kafka-producer-perf-test-style baseline, so both rates come from the same run."})
public final class LoadCommand implements Callable<Integer> {

    /** Where the simulated events start; fixed so that every load run sends the same records. */
    static final Instant LOAD_START = Instant.parse("2026-01-05T00:00:00Z");

    enum Mode { avro, raw, both }

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-n", "--count"}, defaultValue = "100000", description = "Records to send (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--mode", defaultValue = "both", description = "avro, raw or both (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated population (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--enterprises", defaultValue = "40", description = "Simulated enterprises (default: ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--compression", defaultValue = "lz4", description = "none, lz4, zstd, snappy or gzip (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--batch-size", defaultValue = "262144", description = "Producer batch.size in bytes (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--linger-ms", defaultValue = "10", description = "Producer linger.ms (default: ${DEFAULT-VALUE}).")
    int lingerMs;

    @Option(names = "--runs", defaultValue = "1", description = "Timed runs of each mode, alternating; with more than one "
            + "the median rate of each mode is printed at the end (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--raw-topic", defaultValue = "load.raw-baseline", description = "Topic of the raw baseline (default: ${DEFAULT-VALUE}).")
    String rawTopic;

    @Override
    public Integer call() {
        if (count < 1 || runs < 1 || enterprises < 1) {
            throw new ParameterException(spec.commandLine(), "--count, --runs and --enterprises must be at least 1");
        }
        ProducerSettings settings = connection.settings();
        List<SimEvent<?>> events = generate(count, enterprises, seed);
        int recordBytes = LoadRunner.recordBytesOf(events);
        List<NewTopic> topics = new ArrayList<>(InputTopics.ALL.stream().map(TopicSetup::newTopic).toList());
        topics.add(new NewTopic(rawTopic, Optional.of(Topic.KEYED_PARTITIONS), Optional.empty()));
        TopicSetup.ensureTopics(settings, topics);

        LoadRunner runner = new LoadRunner(settings, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression,
                ProducerConfig.BATCH_SIZE_CONFIG, batchSize, ProducerConfig.LINGER_MS_CONFIG, lingerMs));
        List<LoadResult> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            if (mode != Mode.raw) {
                results.add(print(runner.avro(events)));
            }
            if (mode != Mode.avro) {
                results.add(print(runner.raw(rawTopic, count, recordBytes, seed)));
            }
        }
        if (runs > 1) {
            MedianRate.of(results).forEach(System.out::println);
        }
        return results.stream().allMatch(r -> r.failed() == 0) ? 0 : 1;
    }

    private static LoadResult print(LoadResult result) {
        System.out.println(result.render());
        return result;
    }

    /** The first {@code count} events of the simulation of {@code enterprises} enterprises from {@code seed}. */
    public static List<SimEvent<?>> generate(int count, int enterprises, long seed) {
        Iterator<SimEvent<?>> simulation = new PlantSimulation(new PopulationGenerator(seed).population(enterprises),
                ModelLoader.reference(), seed, LOAD_START);
        List<SimEvent<?>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(simulation.next());
        }
        return events;
    }
}

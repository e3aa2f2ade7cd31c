package org.pharmamaturity.producers.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.producers.ConnectionOptions;
import org.pharmamaturity.producers.DurationConverter;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.ProgressLine;
import org.pharmamaturity.producers.RateLimiter;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code simulate}: publishes a simulated population's reference data, self-assessments and plant stream. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate pharma enterprises and publish their reference data, one self-assessment each, "
                + "then a stream of machine states, counts, telemetry, batches, quality events, energy, "
                + "cold-chain readings and shipments.",
                "Runs for --duration or until Ctrl-C, then prints a summary."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--seed", defaultValue = "42",
            description = "Random seed; the same seed and --start give the same records (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--enterprises", defaultValue = "40", description = "Number of enterprises (default: ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--rate", defaultValue = "500", description = "Events per second to hold; 0 for as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", converter = DurationConverter.class, description = "How long to run, e.g. 90s, 10m, 2h (default: until Ctrl-C).")
    Duration duration;

    @Option(names = "--speedup", defaultValue = "0", description = "Simulated seconds per wall-clock second, e.g. 4320 for a month in 10 min; "
            + "0 lets simulated time run as fast as --rate allows. Event times never pass the real clock (default: ${DEFAULT-VALUE}).")
    double speedup;

    @Option(names = "--telemetry-interval", converter = DurationConverter.class, defaultValue = "5m",
            description = "Simulated time between two readings of a networked machine (default: ${DEFAULT-VALUE}).")
    Duration telemetryInterval;

    @Option(names = "--mqtt", paramLabel = "URI",
            description = "Publish machine data (states, counts, telemetry) as JSON to this MQTT broker on the UNS tree "
                    + "<enterprise>/<site>/production/line-1/<equipment>/<kind>, for the gateway to pick up; the rest still goes to Kafka.")
    String mqttUri;

    @Option(names = "--start", description = "Simulated start instant, e.g. 2026-01-01T00:00:00Z (default: 30 days ago at 00:00 UTC).")
    Instant start;

    @Option(names = "--progress-file", paramLabel = "FILE",
            description = "Keep how far the simulation got in FILE; when FILE holds the same simulation (seed, "
                    + "enterprises, telemetry interval, and --start if given), continue after its last published record "
                    + "instead of starting over.")
    Path progressFile;

    @Override
    public Integer call() {
        if (enterprises < 1) {
            throw new ParameterException(spec.commandLine(), "--enterprises must be at least 1");
        }
        SimulationProgress progress = resumedOrNew();
        Instant simulatedStart = progress.start();
        ProducerSettings settings = connection.settings();
        List<SimulatedEnterprise> population = new PopulationGenerator(seed).population(enterprises);
        PlantSimulation simulation = new PlantSimulation(population, ModelLoader.reference(), seed, simulatedStart,
                telemetryInterval);
        // The same simulation gives the same records: skip what an earlier run published.
        long resumeAtMs = simulatedStart.toEpochMilli();
        for (long i = 0; i < progress.published(); i++) {
            resumeAtMs = simulation.next().eventTimeMs();
        }
        if (progress.published() > 0) {
            System.err.printf("simulate: continuing after %,d records (simulated %s), as %s recorded%n",
                    progress.published(), Instant.ofEpochMilli(resumeAtMs), progressFile);
        }
        LongConsumer checkpoint = progressFile == null ? published -> { }
                : published -> progress.publishedUpTo(progress.published() + published).write(progressFile);
        TopicSetup.ensure(settings, InputTopics.ALL);

        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            awaitQuietly(finished);
        }, "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        try (RecordPublisher publisher = new RecordPublisher(settings, Map.of());
                UnsMqttPublisher machineData = mqttUri == null ? null : new UnsMqttPublisher(mqttUri)) {
            System.err.printf("simulate: %d enterprises, seed %d, from %s, rate %s/s, to %s%s%n", enterprises, seed,
                    simulatedStart, rate > 0 ? (long) rate : "max", settings.bootstrapServers(),
                    mqttUri == null ? "" : " (machine data to MQTT " + mqttUri + ")");
            String summary = new SimulationPublisher(publisher, new RateLimiter(rate), ProgressLine.onStandardError(),
                    machineData)
                    .publish(simulation, resumeAtMs, speedup,
                            () -> interrupted.get() || System.nanoTime() >= deadline, checkpoint);
            System.out.print(summary);
            return publisher.failed() == 0 ? 0 : 1;
        } finally {
            finished.countDown();
            if (!interrupted.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    /** The progress of {@link #progressFile} when it holds this simulation, else a new one at 0. */
    private SimulationProgress resumedOrNew() {
        Instant defaultStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(30, ChronoUnit.DAYS);
        Optional<SimulationProgress> saved = progressFile == null ? Optional.empty()
                : SimulationProgress.read(progressFile);
        // Without --start, a saved simulation keeps its own start: the default moves with the calendar.
        SimulationProgress wanted = new SimulationProgress(seed, enterprises,
                start != null ? start : saved.map(SimulationProgress::start).orElse(defaultStart), telemetryInterval, 0);
        if (saved.isPresent() && !saved.get().sameSimulationAs(wanted)) {
            System.err.printf("simulate: %s records another simulation (%s); starting this one from the beginning%n",
                    progressFile, saved.get());
            return wanted;
        }
        return saved.orElse(wanted);
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

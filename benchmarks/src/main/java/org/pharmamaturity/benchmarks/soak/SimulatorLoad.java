package org.pharmamaturity.benchmarks.soak;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.pharmamaturity.benchmarks.pipeline.BenchmarkException;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.ProgressLine;
import org.pharmamaturity.producers.RateLimiter;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.simulate.PlantSimulation;
import org.pharmamaturity.producers.simulate.PopulationGenerator;
import org.pharmamaturity.producers.simulate.SimulatedEnterprise;
import org.pharmamaturity.producers.simulate.SimulationPublisher;

/**
 * The producers' {@code simulate} running on a thread of this JVM at a steady rate: the population's reference
 * data, one self-assessment each, then the plant stream, until stopped. Its simulated clock starts 90 days back and
 * runs as fast as the rate allows (30 minutes at 1,000 events/s and 40 enterprises cover about 17 simulated days),
 * so daily windows close during a soak; the 30-day rolling windows expire only in a soak that covers more simulated
 * days than that (longer, or fewer enterprises at the same rate).
 */
final class SimulatorLoad implements AutoCloseable {

    private static final Duration SIMULATED_HISTORY = Duration.ofDays(90);

    private final RecordPublisher publisher;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<String> summary = new AtomicReference<>();
    private final AtomicReference<Throwable> crash = new AtomicReference<>();
    private final Thread thread;

    private SimulatorLoad(RecordPublisher publisher, PlantSimulation simulation, long simulatedStartMs, double rate) {
        this.publisher = publisher;
        // The soak prints its own sample lines; the simulator's progress line would interleave with them.
        ProgressLine silent = new ProgressLine(new PrintStream(OutputStream.nullOutputStream()), false);
        SimulationPublisher simulator = new SimulationPublisher(publisher, new RateLimiter(rate), silent);
        this.thread = Thread.ofPlatform().name("soak-simulator").start(() -> {
            try {
                summary.set(simulator.publish(simulation, simulatedStartMs, 0, stop::get));
            } catch (RuntimeException | Error e) {
                crash.set(e);
            }
        });
    }

    /** Starts publishing {@code enterprises} simulated enterprises at {@code rate} events per second. */
    static SimulatorLoad start(ProducerSettings settings, int enterprises, double rate, long seed) {
        Instant simulatedStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(SIMULATED_HISTORY);
        List<SimulatedEnterprise> population = new PopulationGenerator(seed).population(enterprises);
        PlantSimulation simulation = new PlantSimulation(population, ModelLoader.reference(), seed, simulatedStart);
        return new SimulatorLoad(new RecordPublisher(settings, Map.of()), simulation, simulatedStart.toEpochMilli(),
                rate);
    }

    /** Records the broker has acknowledged so far. */
    long acknowledged() {
        return publisher.acknowledged();
    }

    /** Records that could not be delivered so far. */
    long failed() {
        return publisher.failed();
    }

    /** Fails when the simulator's thread has died. */
    void requireAlive() {
        if (crash.get() != null) {
            throw new BenchmarkException("The simulator stopped: " + crash.get(), crash.get());
        }
    }

    /** Stops publishing, flushes, and returns the simulator's own summary (events per topic, achieved rate). */
    String stop() throws InterruptedException {
        stop.set(true);
        thread.join();
        requireAlive();
        return summary.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join();
        publisher.close();
    }
}

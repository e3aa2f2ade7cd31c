package org.pharmamaturity.producers.simulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.pharmamaturity.producers.ProgressLine;
import org.pharmamaturity.producers.RateLimiter;
import org.pharmamaturity.producers.RecordPublisher;

/**
 * Publishes a simulation's records at the asked rate, never ahead of the simulated clock, until told to stop,
 * showing progress and returning the summary. Used by {@code simulate} and by the soak benchmark, which runs it on a
 * thread of its own beside the service.
 */
public final class SimulationPublisher {

    /** How often a run reports its progress to a checkpoint (which flushes the producer first). */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    private final RecordPublisher publisher;
    private final RateLimiter rateLimiter;
    private final ProgressLine progress;
    private final UnsMqttPublisher machineData;

    public SimulationPublisher(RecordPublisher publisher, RateLimiter rateLimiter, ProgressLine progress) {
        this(publisher, rateLimiter, progress, null);
    }

    /** As the plain constructor, but machine data (states, counts, telemetry) goes to {@code machineData} (MQTT). */
    public SimulationPublisher(RecordPublisher publisher, RateLimiter rateLimiter, ProgressLine progress,
            UnsMqttPublisher machineData) {
        this.publisher = publisher;
        this.rateLimiter = rateLimiter;
        this.progress = progress;
        this.machineData = machineData;
    }

    /** Publishes from {@code events} until {@code stop} says so; flushes before returning. */
    public String publish(Iterator<SimEvent<?>> events, long simulatedStartMs, double speedup, BooleanSupplier stop) {
        return publish(events, simulatedStartMs, speedup, stop, published -> { });
    }

    /**
     * As {@link #publish(Iterator, long, double, BooleanSupplier)}, telling {@code checkpoint} how many events of
     * this run are published and no longer in flight, every {@link #CHECKPOINT_INTERVAL} and at the end.
     */
    public String publish(Iterator<SimEvent<?>> events, long simulatedStartMs, double speedup, BooleanSupplier stop,
                          LongConsumer checkpoint) {
        SimulatedClock clock = new SimulatedClock(Clock.systemUTC(), simulatedStartMs, speedup);
        SimulationSummary summary = new SimulationSummary();
        long published = 0;
        long nextCheckpoint = System.nanoTime() + CHECKPOINT_INTERVAL.toNanos();
        while (!stop.getAsBoolean()) {
            SimEvent<?> event = events.next();
            clock.awaitEventTime(event.eventTimeMs());
            rateLimiter.acquire();
            if (machineData == null || !machineData.publish(event)) {
                event.sendWith(publisher);
            }
            published++;
            summary.count(event);
            progress.update(publisher.sent(), publisher.failed(), () -> "simulated " + Instant.ofEpochMilli(event.eventTimeMs()));
            if (System.nanoTime() >= nextCheckpoint) {
                // Only what the broker has answered counts: a kill now repeats at most one interval, never skips.
                publisher.flush();
                checkpoint.accept(published);
                nextCheckpoint = System.nanoTime() + CHECKPOINT_INTERVAL.toNanos();
            }
        }
        publisher.flush();
        checkpoint.accept(published);
        progress.finish();
        return summary.render(publisher.acknowledged(), publisher.failed(), progress.elapsedSeconds());
    }
}

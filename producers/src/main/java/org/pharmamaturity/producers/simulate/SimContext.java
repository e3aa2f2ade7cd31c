package org.pharmamaturity.producers.simulate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.pharmamaturity.schemas.Topic;

/**
 * The discrete-event core of the simulation: an agenda of steps ordered by simulated time (ties in the order
 * they were scheduled), one seeded random source, deterministic event ids, and the queue of emitted records.
 * Steps run one at a time, so the same seed always gives the same records.
 */
public final class SimContext {

    /** Something that happens at a simulated time and may emit records and schedule further steps. */
    @FunctionalInterface
    public interface Step {
        void run(SimContext context);
    }

    private record Scheduled(long atMs, long sequence, Step step) {
    }

    private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>((a, b) -> a.atMs != b.atMs
            ? Long.compare(a.atMs, b.atMs) : Long.compare(a.sequence, b.sequence));
    private final ArrayDeque<SimEvent<?>> emitted = new ArrayDeque<>();
    private final Random random;
    private final long seed;
    private long nowMs;
    private long scheduled;
    private long eventCount;

    SimContext(long seed, Instant start) {
        this.seed = seed;
        this.random = new Random(seed);
        this.nowMs = start.toEpochMilli();
    }

    /** The current simulated time. */
    public long nowMs() {
        return nowMs;
    }

    /** The current simulated time as an instant. */
    public Instant now() {
        return Instant.ofEpochMilli(nowMs);
    }

    /** The simulation's one random source. */
    public Random random() {
        return random;
    }

    /** A fresh event id, the same for the same seed and position in the stream. */
    public String eventId() {
        return UUID.nameUUIDFromBytes(("sim:" + seed + ":" + eventCount++).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Runs {@code step} after {@code delayMs} of simulated time. */
    public void after(long delayMs, Step step) {
        agenda.add(new Scheduled(nowMs + Math.max(0, delayMs), scheduled++, step));
    }

    /** Emits a record at the current simulated time. */
    public <V extends SpecificRecord> void emit(Topic<V> topic, String key, V value) {
        emitted.add(new SimEvent<>(topic, key, value, nowMs));
    }

    /** A random duration around {@code medianMs} (log-normal with spread {@code sigma}), within [min, max]. */
    public long duration(long medianMs, double sigma, long minMs, long maxMs) {
        double drawn = medianMs * Math.exp(sigma * random.nextGaussian());
        return Math.max(minMs, Math.min(maxMs, Math.round(drawn)));
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** The next emitted record, running scheduled steps until one is emitted. */
    SimEvent<?> next() {
        while (emitted.isEmpty()) {
            Scheduled next = agenda.poll();
            if (next == null) {
                throw new IllegalStateException("the simulation has nothing left to do; every behaviour reschedules itself");
            }
            nowMs = next.atMs;
            next.step.run(this);
        }
        return emitted.poll();
    }
}

package org.pharmamaturity.producers.simulate;

import java.time.Clock;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps published event times plausible: with a speedup, an event may go out once the wall clock has run
 * (eventTime - start) / speedup since the run began; in every case an event waits until its time is no longer
 * in the future, so a simulation that started in the past catches up with real time and then follows it.
 */
final class SimulatedClock {

    private final Clock wall;
    private final long simulatedStartMs;
    private final long wallStartMs;
    private final double speedup;

    /** A clock starting now; {@code speedup} 0 means as fast as the rate allows. */
    SimulatedClock(Clock wall, long simulatedStartMs, double speedup) {
        this.wall = wall;
        this.simulatedStartMs = simulatedStartMs;
        this.wallStartMs = wall.millis();
        this.speedup = speedup;
    }

    /** Waits until an event of {@code eventTimeMs} may be published. */
    void awaitEventTime(long eventTimeMs) {
        // Never publish an event time that is still in the future.
        long releaseMs = eventTimeMs;
        if (speedup > 0) {
            releaseMs = Math.max(releaseMs, wallStartMs + (long) ((eventTimeMs - simulatedStartMs) / speedup));
        }
        long waitMs = releaseMs - wall.millis();
        if (waitMs > 0) {
            LockSupport.parkNanos(waitMs * 1_000_000L);
        }
    }
}

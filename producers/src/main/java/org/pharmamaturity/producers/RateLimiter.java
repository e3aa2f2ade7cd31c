package org.pharmamaturity.producers;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a steady rate of permits per second: permit n is due at start + n / rate, so short stalls are made up
 * (at most one second's worth), and a longer stall does not turn into a burst.
 */
public final class RateLimiter {

    private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double intervalNanos;
    private double nextDueNanos;

    /** A limiter of {@code permitsPerSecond}; 0 or less means no limit. */
    public RateLimiter(double permitsPerSecond) {
        this.intervalNanos = permitsPerSecond <= 0 ? 0 : 1e9 / permitsPerSecond;
        this.nextDueNanos = System.nanoTime();
    }

    /** Waits until the next permit is due. */
    public void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        nextDueNanos = Math.max(nextDueNanos, now - MAX_CATCH_UP_NANOS);
        long waitNanos = (long) (nextDueNanos - now);
        if (waitNanos > 0) {
            LockSupport.parkNanos(waitNanos);
        }
        nextDueNanos += intervalNanos;
    }
}

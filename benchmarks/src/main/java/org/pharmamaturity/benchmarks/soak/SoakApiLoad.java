package org.pharmamaturity.benchmarks.soak;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.pharmamaturity.benchmarks.api.EnterpriseRequests;
import org.pharmamaturity.benchmarks.api.FixedRateLoad;

/**
 * The soak's API load on a thread of its own: it waits until every simulated enterprise has a result (before that
 * a 404 is the right answer, not an error), then asks for them in turn at a fixed rate, open-loop, until the soak
 * ends, handing each answer to the {@link ApiWindow}.
 */
final class SoakApiLoad implements AutoCloseable {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofMinutes(2);

    private final Thread thread;
    private final AtomicReference<Double> startedSeconds = new AtomicReference<>();

    private SoakApiLoad(EnterpriseRequests requests, int perSecond, long startNanos, long endNanos, ApiWindow window) {
        thread = Thread.ofPlatform().name("soak-api-load").start(() -> {
            try {
                while (!requests.allAnswered()) {
                    if (System.nanoTime() + POLL.toNanos() >= endNanos) {
                        return;
                    }
                    Thread.sleep(POLL);
                }
                long now = System.nanoTime();
                startedSeconds.set((now - startNanos) / 1e9);
                int count = (int) ((endNanos - now) * perSecond / 1_000_000_000L);
                new FixedRateLoad(requests, perSecond).run(count, window);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Starts the load; it ends at {@code endNanos} ({@link System#nanoTime()} time). */
    static SoakApiLoad start(EnterpriseRequests requests, int perSecond, long startNanos, long endNanos,
                             ApiWindow window) {
        return new SoakApiLoad(requests, perSecond, startNanos, endNanos, window);
    }

    /** Seconds into the soak when every enterprise had a result and the load began; null while waiting. */
    Double startedSeconds() {
        return startedSeconds.get();
    }

    /** Waits for the last answers, then interrupts a load that is still going. */
    @Override
    public void close() throws InterruptedException {
        thread.join(STOP_GRACE.toMillis());
        thread.interrupt();
        thread.join();
    }
}

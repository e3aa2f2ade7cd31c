package org.pharmamaturity.benchmarks.api;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: request i is due at start + i / rate whatever happened before, and its latency runs from when it
 * was due, not from when it was sent, so a stalled server shows up in the latencies instead of silently slowing
 * the load (coordinated omission). Each request runs on its own virtual thread.
 */
public final class FixedRateLoad {

    /** Told of each answer, from the request's virtual thread. */
    @FunctionalInterface
    public interface Answers {
        void answered(int index, double latencyMs, boolean ok);
    }

    private final EnterpriseRequests requests;
    private final int perSecond;

    public FixedRateLoad(EnterpriseRequests requests, int perSecond) {
        this.requests = requests;
        this.perSecond = perSecond;
    }

    /**
     * Sends {@code count} requests at the rate and waits (a minute at most) for their answers; stops sending when
     * interrupted.
     */
    public void run(int count, Answers answers) throws InterruptedException {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
                long due = start + i * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                int index = i;
                senders.execute(() -> {
                    boolean ok = requests.send();
                    answers.answered(index, (System.nanoTime() - due) / 1e6, ok);
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(1, TimeUnit.MINUTES)) {
                senders.shutdownNow();
            }
        }
    }
}

package org.pharmamaturity.benchmarks.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.pharmamaturity.benchmarks.pipeline.Percentiles;
import org.pharmamaturity.benchmarks.pipeline.Spread;

/**
 * Serving benchmark of {@code GET /api/v1/enterprises/{id}} against a running service (the local run, or any URL
 * with a token). Latency mode is open-loop ({@link FixedRateLoad}): a stalled server shows up in the percentiles
 * instead of silently slowing the load. Saturation mode runs closed-loop workers as fast as they go and reports
 * requests per second. Non-200 answers are counted and reported, never hidden.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.pharmamaturity.benchmarks.api.ApiLoad --help}
 */
public final class ApiLoad {

    private final LoadOptions options;
    private final EnterpriseRequests requests;
    private final AtomicLong failures = new AtomicLong();

    private ApiLoad(LoadOptions options) {
        this.options = options;
        this.requests = new EnterpriseRequests(options.url(), options.token(), options.enterprises());
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ApiLoad: " + e.getMessage());
            System.exit(2);
            return;
        }
        ApiLoad load = new ApiLoad(options);
        System.out.printf("GET %s/api/v1/enterprises/{id} over %d enterprises, mode %s, warm-up %s, %d run(s) of %s%n",
                options.url(), options.enterprises().size(), options.mode(), options.warmup(), options.runs(),
                options.duration());
        for (int run = 1; run <= options.runs(); run++) {
            if (options.mode().equals("latency")) {
                load.fixedRate(options.warmup());
                load.failures.set(0);
                List<Double> latencies = load.fixedRate(options.duration());
                Percentiles percentiles = Percentiles.of(latencies);
                System.out.printf("run %d: %d requests at %d/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, non-200 %d%n",
                        run, latencies.size(), options.rate(), percentiles.p50(), percentiles.p99(),
                        Spread.of(latencies).max(), load.failures.get());
            } else {
                load.saturate(options.warmup());
                load.failures.set(0);
                long done = load.saturate(options.duration());
                System.out.printf("run %d: %d requests in %s with %d workers: %.0f requests/s, non-200 %d%n", run, done,
                        options.duration(), options.concurrency(), done / (options.duration().toNanos() / 1e9),
                        load.failures.get());
            }
        }
    }

    /** Sends at the fixed rate for {@code length}; each latency in ms from the request's due time to its answer. */
    private List<Double> fixedRate(Duration length) throws InterruptedException {
        int count = (int) (length.toNanos() * options.rate() / 1_000_000_000L);
        Double[] latencies = new Double[count];
        new FixedRateLoad(requests, options.rate()).run(count, (index, latencyMs, ok) -> {
            latencies[index] = latencyMs;
            if (!ok) {
                failures.incrementAndGet();
            }
        });
        return Arrays.asList(latencies);
    }

    /** Closed-loop workers for {@code length}; the number of requests answered. */
    private long saturate(Duration length) {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < options.concurrency(); w++) {
                workers.execute(() -> {
                    while (System.nanoTime() < end) {
                        if (!requests.send()) {
                            failures.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                });
            }
        }
        return done.get();
    }
}

package org.pharmamaturity.benchmarks.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Serving benchmark of {@code GET /api/v1/enterprises/{id}} against a running service (the local run, or any URL
 * with a token). Latency mode is open-loop: request i is due at start + i / rate whatever happened before, and its
 * latency runs from when it was due, not from when it was sent, so a stalled server shows up in the percentiles
 * instead of silently slowing the load (coordinated omission). Saturation mode runs closed-loop workers as fast as
 * they go and reports requests per second. Non-200 answers are counted and reported, never hidden.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.pharmamaturity.benchmarks.api.ApiLoad --help}
 */
public final class ApiLoad {

    private final LoadOptions options;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();

    private ApiLoad(LoadOptions options) {
        this.options = options;
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
                long[] latencies = load.fixedRate(options.duration());
                Arrays.sort(latencies);
                System.out.printf("run %d: %d requests at %d/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, non-200 %d%n",
                        run, latencies.length, options.rate(), millis(percentile(latencies, 0.50)),
                        millis(percentile(latencies, 0.99)), millis(latencies[latencies.length - 1]), load.failures.get());
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

    /** Sends at the fixed rate for {@code length}; each latency from the request's due time to its answer. */
    private long[] fixedRate(Duration length) throws InterruptedException {
        int count = (int) (length.toNanos() * options.rate() / 1_000_000_000L);
        long[] latencies = new long[count];
        long interval = 1_000_000_000L / options.rate();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                int index = i;
                senders.execute(() -> {
                    request();
                    latencies[index] = System.nanoTime() - due;
                });
            }
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
        return latencies;
    }

    /** Closed-loop workers for {@code length}; the number of requests answered. */
    private long saturate(Duration length) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < options.concurrency(); w++) {
                workers.execute(() -> {
                    while (System.nanoTime() < end) {
                        request();
                        done.incrementAndGet();
                    }
                });
            }
        }
        return done.get();
    }

    private void request() {
        String id = options.enterprises().get(Math.floorMod(next.getAndIncrement(), options.enterprises().size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/api/v1/enterprises/" + id))
                .header("Authorization", "Bearer " + options.token()).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                failures.incrementAndGet();
            }
        } catch (java.io.IOException e) {
            failures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long percentile(long[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

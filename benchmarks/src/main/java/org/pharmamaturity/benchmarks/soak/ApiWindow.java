package org.pharmamaturity.benchmarks.soak;

import java.util.ArrayList;
import java.util.List;

import org.pharmamaturity.benchmarks.api.FixedRateLoad;

/**
 * The API load's answers, gathered from the requests' threads: those since the last sample (handed over and
 * cleared by {@link #drain()}) and every one of the soak, for the summary.
 */
final class ApiWindow implements FixedRateLoad.Answers {

    /**
     * The answers of one stretch of time.
     *
     * @param latenciesMs each answer's latency from its due time
     * @param errors answers other than 200, and requests that got none
     */
    record Latencies(List<Double> latenciesMs, long errors) {
    }

    private List<Double> recent = new ArrayList<>();
    private long recentErrors;
    private final List<Double> all = new ArrayList<>();
    private long allErrors;

    @Override
    public synchronized void answered(int index, double latencyMs, boolean ok) {
        recent.add(latencyMs);
        all.add(latencyMs);
        if (!ok) {
            recentErrors++;
            allErrors++;
        }
    }

    /** The answers since the previous call. */
    synchronized Latencies drain() {
        Latencies answers = new Latencies(recent, recentErrors);
        recent = new ArrayList<>();
        recentErrors = 0;
        return answers;
    }

    /** Every answer so far. */
    synchronized Latencies total() {
        return new Latencies(List.copyOf(all), allErrors);
    }
}

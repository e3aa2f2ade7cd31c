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
     * Answers in one stretch of time.
     *
     * @param latenciesMs each answer's latency from its due time
     * @param errors answers other than 200, and requests that got none
     */
    record Answers(List<Double> latenciesMs, long errors) {
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
    synchronized Answers drain() {
        Answers answers = new Answers(recent, recentErrors);
        recent = new ArrayList<>();
        recentErrors = 0;
        return answers;
    }

    /** Every answer so far. */
    synchronized Answers total() {
        return new Answers(List.copyOf(all), allErrors);
    }
}

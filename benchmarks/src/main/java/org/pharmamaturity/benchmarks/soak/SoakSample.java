package org.pharmamaturity.benchmarks.soak;

import java.util.Locale;

import org.pharmamaturity.benchmarks.pipeline.Percentiles;
import org.pharmamaturity.benchmarks.pipeline.ResourceFigures;

/**
 * What the soak saw at one sampling point. Counts are totals since the start unless said otherwise.
 *
 * @param elapsedSeconds since the simulator started
 * @param eventsSent records the broker acknowledged to the simulator
 * @param sendRate of those, per second since the previous sample
 * @param producerErrors records the simulator could not deliver
 * @param processed valid input records the service accepted
 * @param processRate of those, per second since the previous sample
 * @param lag records the service's group has yet to commit on its input and repartition topics
 * @param resources heap after a full GC, RocksDB memory and state directory size
 * @param apiAnswers API answers since the previous sample
 * @param api their latency percentiles (NaN when there were none)
 * @param apiErrors of those, the ones other than 200
 * @param deadLetters dead letters the service counted
 */
record SoakSample(double elapsedSeconds, long eventsSent, double sendRate, long producerErrors, long processed,
                  double processRate, long lag, ResourceFigures resources, int apiAnswers, Percentiles api,
                  long apiErrors, long deadLetters) {

    /** One line of the soak's output. */
    String line() {
        return String.format(Locale.ROOT, "%6.0f s: sent %,d (%,.0f/s, %d errors), processed %,d (%,.0f/s), lag %,d, "
                        + "%s, API %s, dead letters %d",
                elapsedSeconds, eventsSent, sendRate, producerErrors, processed, processRate, lag, resources.render(),
                apiAnswers == 0 ? "idle" : String.format(Locale.ROOT, "%,d answers p50 %.1f ms p99 %.1f ms non-200 %d",
                        apiAnswers, api.p50(), api.p99(), apiErrors),
                deadLetters);
    }
}

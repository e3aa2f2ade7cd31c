package org.pharmamaturity.evaluation.kpi;

import java.util.Collection;
import java.util.List;

/**
 * Minutes out of the label range. A reading stands for the time until the next reading (sample and hold), so
 * an out-of-range reading adds the time to the next one, however long the logger then stayed silent (the gap
 * itself shows in logging compliance); the last reading adds nothing.
 */
public final class TimeOutOfRange {

    private TimeOutOfRange() {
    }

    /** Minutes out of range over the readings of one logger or shipment. */
    public static double minutes(Collection<ColdChainSample> samples) {
        List<ColdChainSample> sorted = ColdChainSamples.byTime(samples);
        long outMs = 0;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            if (sorted.get(i).outOfRange()) {
                outMs += sorted.get(i + 1).timeMs() - sorted.get(i).timeMs();
            }
        }
        return outMs / 60_000.0;
    }
}

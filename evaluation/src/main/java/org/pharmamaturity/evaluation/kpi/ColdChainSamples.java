package org.pharmamaturity.evaluation.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Orders readings by their own time, since loggers upload late and out of order. */
final class ColdChainSamples {

    private ColdChainSamples() {
    }

    static List<ColdChainSample> byTime(Collection<ColdChainSample> samples) {
        List<ColdChainSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(ColdChainSample::timeMs));
        return sorted;
    }
}

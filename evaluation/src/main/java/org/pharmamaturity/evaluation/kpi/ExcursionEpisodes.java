package org.pharmamaturity.evaluation.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Cold-chain excursion episodes: out-of-range readings, merged into one episode when less than 10 minutes
 * separate an out-of-range reading from the previous one (in-range readings between them do not split it).
 */
public final class ExcursionEpisodes {

    /** Out-of-range readings closer than this belong to one episode. */
    public static final long MERGE_GAP_MS = 10L * 60 * 1000;

    private ExcursionEpisodes() {
    }

    /** The episodes of one logger or shipment, in time order. */
    public static List<ExcursionEpisode> detect(Collection<ColdChainSample> samples) {
        List<ExcursionEpisode> episodes = new ArrayList<>();
        ExcursionEpisode current = null;
        for (ColdChainSample sample : ColdChainSamples.byTime(samples)) {
            if (!sample.outOfRange()) {
                continue;
            }
            double t = sample.temperatureC();
            if (current != null && sample.timeMs() - current.endMs() < MERGE_GAP_MS) {
                current = new ExcursionEpisode(current.startMs(), sample.timeMs(), current.readings() + 1,
                        Math.min(current.minTemperatureC(), t), Math.max(current.maxTemperatureC(), t));
            } else {
                if (current != null) {
                    episodes.add(current);
                }
                current = new ExcursionEpisode(sample.timeMs(), sample.timeMs(), 1, t, t);
            }
        }
        if (current != null) {
            episodes.add(current);
        }
        return episodes;
    }
}

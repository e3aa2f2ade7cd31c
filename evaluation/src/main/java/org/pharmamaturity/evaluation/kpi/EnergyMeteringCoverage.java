package org.pharmamaturity.evaluation.kpi;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The project's indicator {@code energyMeteringCoverage}: 15-minute intervals in which a meter delivered at
 * least one reading / intervals expected (meters x intervals of the window, the last one possibly partial).
 */
public final class EnergyMeteringCoverage {

    /** The metering interval expected of every meter (domain.md 7.2: 15 min). */
    public static final long INTERVAL_MS = 15L * 60 * 1000;

    private EnergyMeteringCoverage() {
    }

    /** Coverage of {@code meters} in {@code window}; readings of other meters and outside the window are ignored. */
    public static Ratio compute(Collection<String> meters, Map<String, ? extends Collection<Long>> readingTimesMsByMeter,
                                TimeWindow window) {
        Set<String> expectedMeters = new HashSet<>(meters);
        long intervals = (window.lengthMs() + INTERVAL_MS - 1) / INTERVAL_MS;
        long received = 0;
        for (String meter : expectedMeters) {
            Collection<Long> times = readingTimesMsByMeter.get(meter);
            if (times == null) {
                continue;
            }
            Set<Long> slots = new HashSet<>();
            for (long time : times) {
                if (window.contains(time)) {
                    slots.add((time - window.startMs()) / INTERVAL_MS);
                }
            }
            received += slots.size();
        }
        return new Ratio(received, expectedMeters.size() * intervals);
    }
}

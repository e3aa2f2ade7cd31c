package org.pharmamaturity.producers.simulate;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a simulation run published: records per topic, acknowledged and failed sends, wall and simulated time
 * covered, for the summary line at the end.
 */
final class SimulationSummary {

    private final Map<String, Long> perTopic = new TreeMap<>();
    private long firstEventMs = Long.MIN_VALUE;
    private long lastEventMs;

    void count(SimEvent<?> event) {
        perTopic.merge(event.topic().name(), 1L, Long::sum);
        if (firstEventMs == Long.MIN_VALUE) {
            firstEventMs = event.eventTimeMs();
        }
        lastEventMs = event.eventTimeMs();
    }

    String render(long acknowledged, long failed, double wallSeconds) {
        StringBuilder text = new StringBuilder();
        long sent = perTopic.values().stream().mapToLong(Long::longValue).sum();
        text.append(String.format(Locale.ROOT, "simulate: %,d events sent (%,d acknowledged, %,d failed) in %.1f s,"
                + " %,.0f events/s%n", sent, acknowledged, failed, wallSeconds, wallSeconds > 0 ? sent / wallSeconds : 0));
        if (sent > 0) {
            double simulatedHours = (lastEventMs - firstEventMs) / 3_600_000.0;
            text.append(String.format(Locale.ROOT, "  simulated time %s .. %s (%.1f h, effective speedup %.0fx)%n",
                    Instant.ofEpochMilli(firstEventMs), Instant.ofEpochMilli(lastEventMs), simulatedHours,
                    wallSeconds > 0 ? simulatedHours * 3600 / wallSeconds : 0));
        }
        perTopic.forEach((topic, count) -> text.append(String.format(Locale.ROOT, "  %-30s %,d%n", topic, count)));
        return text.toString();
    }
}

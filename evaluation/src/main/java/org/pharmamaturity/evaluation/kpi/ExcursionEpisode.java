package org.pharmamaturity.evaluation.kpi;

/** One temperature excursion: out-of-range readings from {@code startMs} to {@code endMs}, merged into one episode. */
public record ExcursionEpisode(long startMs, long endMs, int readings, double minTemperatureC, double maxTemperatureC) {
}

package org.pharmamaturity.evaluation.kpi;

/** A stretch between two readings (or a period bound and a reading) in which {@code missedSamples} records were due. */
public record LoggingGap(long fromMs, long toMs, long missedSamples) {
}

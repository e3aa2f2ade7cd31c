package org.pharmamaturity.evaluation.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/**
 * GSP logging compliance: samples received / samples expected. A record is due every 5 min in transport and
 * 30 min in storage, every 2 min after an out-of-range reading. Between two readings g apart with required
 * interval r, round(g / r) - 1 records were missed (so jitter below half an interval is tolerated and logging
 * more often than required never counts above 1); with a monitoring period [start, end), round(gap / r) records are missed
 * before the first reading and round(gap / r) - 1 after the last one (the record due at the end belongs to the next
 * period). Shipments add up by summing {@link #samples()}.
 */
public record LoggingCompliance(Ratio samples, List<LoggingGap> gaps) {

    public LoggingCompliance {
        gaps = List.copyOf(gaps);
    }

    /** Compliance over the span of the readings themselves. */
    public static LoggingCompliance compute(Collection<ColdChainSample> samples, ColdChainContext context) {
        return compute(samples, context, null);
    }

    /** Compliance over {@code period} (e.g. dispatch to delivery); readings outside it are ignored. */
    public static LoggingCompliance compute(Collection<ColdChainSample> samples, ColdChainContext context,
                                            TimeWindow period) {
        List<ColdChainSample> sorted = ColdChainSamples.byTime(samples).stream()
                .filter(sample -> period == null || period.contains(sample.timeMs()))
                .toList();
        long base = context.loggingIntervalMs();
        List<LoggingGap> gaps = new ArrayList<>();
        long missed = 0;
        if (period != null) {
            long firstDue = sorted.isEmpty() ? period.endMs() : sorted.get(0).timeMs();
            missed += gap(period.startMs(), firstDue, Math.round((double) (firstDue - period.startMs()) / base), gaps);
        }
        for (int i = 0; i + 1 < sorted.size(); i++) {
            ColdChainSample from = sorted.get(i);
            long to = sorted.get(i + 1).timeMs();
            long interval = from.outOfRange() ? ColdChainContext.OUT_OF_RANGE_INTERVAL_MS : base;
            long due = Math.round((double) (to - from.timeMs()) / interval) - 1;
            missed += gap(from.timeMs(), to, due, gaps);
        }
        if (period != null && !sorted.isEmpty()) {
            ColdChainSample last = sorted.get(sorted.size() - 1);
            long interval = last.outOfRange() ? ColdChainContext.OUT_OF_RANGE_INTERVAL_MS : base;
            // The period's end is exclusive, like the next reading of a gap: the record due exactly at the end belongs to
            // the next period, so it is not counted here (an empty period then expects exactly period / interval).
            missed += gap(last.timeMs(), period.endMs(),
                    Math.round((double) (period.endMs() - last.timeMs()) / interval) - 1, gaps);
        }
        return new LoggingCompliance(new Ratio(sorted.size(), sorted.size() + missed), gaps);
    }

    private static long gap(long fromMs, long toMs, long missed, List<LoggingGap> gaps) {
        if (missed <= 0) {
            return 0;
        }
        gaps.add(new LoggingGap(fromMs, toMs, missed));
        return missed;
    }

    /** Received / expected; empty when nothing was expected. */
    public OptionalDouble value() {
        return samples.value();
    }
}

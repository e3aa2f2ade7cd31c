package org.pharmamaturity.streams.kpi;

import java.util.List;

import org.pharmamaturity.evaluation.kpi.ColdChainContext;
import org.pharmamaturity.evaluation.kpi.ColdChainSample;
import org.pharmamaturity.evaluation.kpi.ExcursionEpisode;
import org.pharmamaturity.evaluation.kpi.ExcursionEpisodes;
import org.pharmamaturity.evaluation.kpi.LoggingCompliance;
import org.pharmamaturity.evaluation.kpi.LoggingGap;
import org.pharmamaturity.evaluation.kpi.MeanKineticTemperature;
import org.pharmamaturity.evaluation.kpi.TimeOutOfRange;
import org.pharmamaturity.evaluation.kpi.TimeWindow;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.ColdChainUnit;
import org.pharmamaturity.streams.state.avro.ColdChainUnitDay;

/**
 * The cold-chain figures of one unit (shipment or storage unit) for one UTC day, by the evaluation library:
 * excursion episodes, time out of range and MKT over the day's readings, and GSP logging compliance over the
 * period the unit was monitored that day. That period starts at the day's start or the unit's first reading,
 * whichever is later, and ends at the day's end once a later day has readings (or, for a storage unit, once
 * the day has closed: a cold room is monitored around the clock), otherwise just after the latest reading
 * (a shipment's logging ends with its last reading). So a gap across midnight counts on both days.
 */
public final class ColdChainFigures {

    private ColdChainFigures() {
    }

    /** The samples of a day as the evaluation library reads them. */
    public static List<ColdChainSample> samples(ColdChainUnitDay day) {
        return day.getSamples().stream()
                .map(s -> new ColdChainSample(s.getTimeMs(), s.getTemperatureC(), s.getLabelMinC(), s.getLabelMaxC()))
                .toList();
    }

    /** The excursion episodes of a day, in time order. */
    public static List<ExcursionEpisode> episodes(ColdChainUnitDay day) {
        return ExcursionEpisodes.detect(samples(day));
    }

    /** The figures of {@code day} of {@code unit}; {@code closing} when the day gets its final figures. */
    public static ColdChainDayFigures compute(ColdChainUnit unit, ColdChainUnitDay day, boolean closing) {
        List<ColdChainSample> samples = samples(day);
        ColdChainContext context = ColdChainContext.valueOf(unit.getContext());
        int latestDay = UtcDays.dayOf(unit.getLatestMs());
        long start = Math.max(UtcDays.startOf(day.getDay()), unit.getFirstMs());
        boolean wholeDay = day.getDay() < latestDay || (closing && context == ColdChainContext.STORAGE);
        long end = wholeDay ? UtcDays.endOf(day.getDay()) : Math.min(UtcDays.endOf(day.getDay()), unit.getLatestMs() + 1);
        LoggingCompliance logging = end > start
                ? LoggingCompliance.compute(samples, context, new TimeWindow(start, end))
                : LoggingCompliance.compute(samples, context);
        MeanKineticTemperature mkt = MeanKineticTemperature.compute(
                samples.stream().map(ColdChainSample::temperatureC).toList());
        return ColdChainDayFigures.newBuilder()
                .setUnitId(unit.getUnitId())
                .setContext(unit.getContext())
                .setDay(day.getDay())
                .setExcursions(ExcursionEpisodes.detect(samples).size())
                .setOutOfRangeMinutes(TimeOutOfRange.minutes(samples))
                .setMktBoltzmannSum(mkt.boltzmannSum())
                .setMktSamples(mkt.samples())
                .setSamplesReceived(logging.samples().numerator())
                .setSamplesExpected(logging.samples().denominator())
                .setMissedSamples(logging.gaps().stream().mapToLong(LoggingGap::missedSamples).sum())
                .setGaps(logging.gaps().size())
                .build();
    }
}

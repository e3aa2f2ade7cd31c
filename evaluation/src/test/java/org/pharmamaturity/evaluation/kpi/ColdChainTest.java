package org.pharmamaturity.evaluation.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Excursions, time out of range, MKT and GSP logging compliance for 2-8 °C goods. */
class ColdChainTest {

    private static final long MINUTE = 60_000L;

    private static ColdChainSample at(double minute, double temperatureC) {
        return new ColdChainSample(Math.round(minute * MINUTE), temperatureC, 2.0, 8.0);
    }

    @Test
    void outOfRangeReadingsLessThanTenMinutesApartFormOneEpisode() {
        List<ColdChainSample> readings = List.of(
                at(14, 8.5),   // out, 9 min after the one at 5: same episode
                at(0, 9.0),    // out (arrives late)
                at(5, 8.2),    // out
                at(10, 7.0),   // in range: does not split
                at(30, 1.5),   // out, 16 min after 14: new episode
                at(35, 4.0),   // in
                at(45, 9.5),   // out, exactly 15 min after 30: new episode
                at(55, 9.1));  // out, exactly 10 min after 45: not < 10, new episode
        assertThat(ExcursionEpisodes.detect(readings)).containsExactly(
                new ExcursionEpisode(0, 14 * MINUTE, 3, 8.2, 9.0),
                new ExcursionEpisode(30 * MINUTE, 30 * MINUTE, 1, 1.5, 1.5),
                new ExcursionEpisode(45 * MINUTE, 45 * MINUTE, 1, 9.5, 9.5),
                new ExcursionEpisode(55 * MINUTE, 55 * MINUTE, 1, 9.1, 9.1));
    }

    @Test
    void labelBoundsAreInRange() {
        assertThat(ExcursionEpisodes.detect(List.of(at(0, 2.0), at(5, 8.0)))).isEmpty();
    }

    @Test
    void timeOutOfRangeHoldsEachReadingUntilTheNext() {
        // out at 0 (until 5: 5 min), out at 5 (until 10: 5 min), in at 10, out at 14 (until 30: 16 min), out at 30 (until 35: 5)
        // in at 35; the last reading adds nothing: 5 + 5 + 16 + 5 = 31 min
        List<ColdChainSample> readings = List.of(at(10, 7.0), at(0, 9.0), at(5, 8.2), at(14, 8.5), at(30, 1.5), at(35, 4.0));
        assertThat(TimeOutOfRange.minutes(readings)).isEqualTo(31.0);
        assertThat(TimeOutOfRange.minutes(List.of(at(0, 9.0)))).isZero();
    }

    @Test
    void meanKineticTemperatureAgainstAHandComputation() {
        // 5 °C = 278.15 K: 10000 / 278.15 = 35.95182; exp(-35.95182) = 2.43400e-16
        // 25 °C = 298.15 K: 10000 / 298.15 = 33.54016; exp(-33.54016) = 2.71451e-15
        // mean = (2.43400e-16 + 2.71451e-15) / 2 = 1.478956e-15; ln(1.478956e-15) = -34.147440
        // MKT = 10000 / 34.147440 = 292.8477 K = 19.6977 °C (above the arithmetic mean of 15 °C)
        MeanKineticTemperature mkt = MeanKineticTemperature.compute(List.of(5.0, 25.0));
        assertThat(mkt.celsius().getAsDouble()).isCloseTo(19.6977, within(1e-4));
    }

    @Test
    void meanKineticTemperatureOfAConstantTemperatureIsThatTemperature() {
        // exp(-dH/RT) averaged over equal values is exp(-dH/RT) itself: MKT = T
        assertThat(MeanKineticTemperature.compute(List.of(5.0, 5.0, 5.0)).celsius().getAsDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(MeanKineticTemperature.NONE.celsius()).isEmpty();
    }

    @Test
    void meanKineticTemperaturePartsMergeToTheWhole() {
        MeanKineticTemperature whole = MeanKineticTemperature.compute(List.of(2.0, 8.0, 8.0, 30.0));
        MeanKineticTemperature merged = MeanKineticTemperature.compute(List.of(2.0, 8.0))
                .plus(MeanKineticTemperature.compute(List.of(8.0, 30.0)));
        assertThat(merged.samples()).isEqualTo(4);
        // 2, 8, 8, 30 °C: mean of exp(-10000/T) = 1.399720e-15, ln = -34.202504 -> 292.3763 K = 19.2263 °C
        assertThat(merged.celsius().getAsDouble()).isCloseTo(19.2263, within(1e-4));
        assertThat(merged.celsius().getAsDouble()).isCloseTo(whole.celsius().getAsDouble(), within(1e-12));
        assertThatThrownBy(() -> MeanKineticTemperature.NONE.with(-300)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transportLoggingComplianceCountsMissedFiveMinuteRecords() {
        // transport, in range, at 0, 5, 10, 20, 25: the 10-minute gap missed round(10/5) - 1 = 1 record
        // received 5, expected 6: 5/6
        LoggingCompliance compliance = LoggingCompliance.compute(
                List.of(at(0, 5), at(5, 5), at(10, 5), at(20, 5), at(25, 5)), ColdChainContext.TRANSPORT);
        assertThat(compliance.samples()).isEqualTo(new Ratio(5, 6));
        assertThat(compliance.value().getAsDouble()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(compliance.gaps()).containsExactly(new LoggingGap(10 * MINUTE, 20 * MINUTE, 1));
    }

    @Test
    void outOfRangeReadingsRequireARecordEveryTwoMinutes() {
        // out of range at 0, next at 6: interval 2 min -> round(6/2) - 1 = 2 missed; 6 -> 11 in range: round(5/5) - 1 = 0
        // received 3, expected 5
        LoggingCompliance compliance = LoggingCompliance.compute(List.of(at(0, 9.0), at(6, 6.0), at(11, 6.0)),
                ColdChainContext.TRANSPORT);
        assertThat(compliance.samples()).isEqualTo(new Ratio(3, 5));
    }

    @Test
    void storageNeedsARecordEveryThirtyMinutesAndJitterIsTolerated() {
        // storage every 30 min, with jitter: gaps of 31, 29 and 44 min round to 1 interval each (44/30 = 1.47): nothing missed;
        // a 61-minute gap rounds to 2 intervals: 1 missed. Received 5, expected 6.
        LoggingCompliance compliance = LoggingCompliance.compute(
                List.of(at(0, 5), at(31, 5), at(60, 5), at(104, 5), at(165, 5)), ColdChainContext.STORAGE);
        assertThat(compliance.samples()).isEqualTo(new Ratio(5, 6));
    }

    @Test
    void loggingMoreOftenThanRequiredNeverExceedsFullCompliance() {
        List<ColdChainSample> everyMinute = new ArrayList<>();
        for (int minute = 0; minute <= 30; minute++) {
            everyMinute.add(at(minute, 5));
        }
        assertThat(LoggingCompliance.compute(everyMinute, ColdChainContext.TRANSPORT).value().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void aMonitoringPeriodCountsMissedRecordsBeforeTheFirstAndAfterTheLastReading() {
        // period [0, 60): first reading at 12 -> round(12/5) = 2 missed before; readings 12, 17, 22: none missed between;
        // last at 22 -> records due at 27, 32, ..., 57 inside [0, 60): round((60 - 22)/5) - 1 = round(7.6) - 1 = 7 missed
        // after (the one due at 62 ~ 60 belongs to the next period); a reading at 70 lies outside the period.
        // received 3, expected 3 + 2 + 7 = 12, the same 12 slots an empty period expects
        LoggingCompliance compliance = LoggingCompliance.compute(List.of(at(12, 5), at(17, 5), at(22, 5), at(70, 5)),
                ColdChainContext.TRANSPORT, new TimeWindow(0, 60 * MINUTE));
        assertThat(compliance.samples()).isEqualTo(new Ratio(3, 12));
        // with no reading at all, round(60/5) = 12 records were due and none came
        assertThat(LoggingCompliance.compute(List.of(), ColdChainContext.TRANSPORT, new TimeWindow(0, 60 * MINUTE)).samples())
                .isEqualTo(new Ratio(0, 12));
    }
}

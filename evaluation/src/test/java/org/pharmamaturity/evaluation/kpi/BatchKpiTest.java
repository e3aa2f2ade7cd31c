package org.pharmamaturity.evaluation.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Right-first-time, electronic batch record coverage and deviation rate. */
class BatchKpiTest {

    private static final List<BatchOutcome> BATCHES = List.of(
            new BatchOutcome("b1", true, false, 1.0),
            new BatchOutcome("b2", true, true, 0.95),
            new BatchOutcome("b3", true, false, 0.949),
            new BatchOutcome("b4", false, false, null),
            new BatchOutcome("b5", true, false, 0.97));

    @Test
    void rightFirstTimeIsReleasedWithoutDeviationOverReleased() {
        // released b1, b2, b3, b5; b2 had a deviation: 3 / 4 = 0.75
        assertThat(RightFirstTime.compute(BATCHES)).isEqualTo(new Ratio(3, 4));
        assertThat(RightFirstTime.compute(BATCHES).value().getAsDouble()).isEqualTo(0.75);
        assertThat(RightFirstTime.compute(List.of(new BatchOutcome("b4", false, false, null))).value()).isEmpty();
    }

    @Test
    void electronicRecordCoverageCountsBatchesAtNinetyFivePercentOrMore() {
        // known shares: b1 1.0, b2 0.95 (boundary counts), b3 0.949 (does not), b5 0.97 -> 3 of 4 = 0.75
        // coverage: 4 of 5 batches report a share = 0.8
        ElectronicRecordCoverage coverage = ElectronicRecordCoverage.compute(BATCHES);
        assertThat(coverage).isEqualTo(new ElectronicRecordCoverage(5, 4, 3));
        assertThat(coverage.value().getAsDouble()).isEqualTo(0.75);
        assertThat(coverage.coverage().getAsDouble()).isEqualTo(0.8);
    }

    @Test
    void deviationsPer100BatchesBySeverity() {
        // 3 deviations (1 critical, 2 minor) over 40 batches: 3 x 100 / 40 = 7.5; critical 2.5; minor 5; major 0
        DeviationRate rate = DeviationRate.compute(
                List.of(DeviationSeverity.CRITICAL, DeviationSeverity.MINOR, DeviationSeverity.MINOR), 40);
        assertThat(rate.per100Batches().getAsDouble()).isEqualTo(7.5);
        assertThat(rate.per100Batches(DeviationSeverity.CRITICAL).getAsDouble()).isEqualTo(2.5);
        assertThat(rate.per100Batches(DeviationSeverity.MINOR).getAsDouble()).isEqualTo(5.0);
        assertThat(rate.per100Batches(DeviationSeverity.MAJOR).getAsDouble()).isZero();
        // adding a day with 1 major deviation over 10 batches: 4 x 100 / 50 = 8
        DeviationRate total = rate.plus(DeviationRate.compute(List.of(DeviationSeverity.MAJOR), 10));
        assertThat(total.per100Batches().getAsDouble()).isEqualTo(8.0);
        assertThat(DeviationRate.compute(List.of(), 0).per100Batches()).isEmpty();
    }
}

package org.pharmamaturity.evaluation.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.evaluation.kpi.EquipmentTimeline.MINUTE;
import static org.pharmamaturity.evaluation.kpi.EquipmentTimeline.anEquipment;
import static org.pharmamaturity.evaluation.kpi.EquipmentTimeline.minutes;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** OEE from state changes and counts (DESIGN.md section 4), worked by hand. */
class OeeTest {

    private static final double TOLERANCE = 1e-12;

    /**
     * The textbook case A = 0.9, P = 0.95, Q = 0.99 over a 540-minute window:
     * RUNNING 0-120, PLANNED_STOP 120-150, RUNNING 150-300, UNPLANNED_STOP 300-348, RUNNING 348-420,
     * PLANNED_STOP 420-450, RUNNING 450-540.
     * RUNNING = 120 + 150 + 72 + 90 = 432 min; PLANNED_STOP = 30 + 30 = 60 min; planned = 540 - 60 = 480 min.
     * Counts 600 + 400 = 1000 units (990 good, 10 reject) at an ideal 24 624 ms each: ideal run = 24 624 000 ms = 410.4 min.
     */
    private static EquipmentTimeline textbookShift() {
        return anEquipment()
                .running(0).plannedStop(120).running(150).unplannedStop(300).running(348).plannedStop(420).running(450)
                .counted(594, 6, 24_624).counted(396, 4, 24_624);
    }

    @Test
    void textbookCaseFromRealIntervalsAndCounts() {
        OeeResult oee = textbookShift().inOrder().totals(minutes(0, 540)).result();
        // A = 432 / 480 = 0.9; P = 410.4 / 432 = 0.95; Q = 990 / 1000 = 0.99
        assertThat(oee.availability().getAsDouble()).isCloseTo(0.9, within(TOLERANCE));
        assertThat(oee.performance().getAsDouble()).isCloseTo(0.95, within(TOLERANCE));
        assertThat(oee.quality().getAsDouble()).isCloseTo(0.99, within(TOLERANCE));
        // OEE = 0.9 x 0.95 x 0.99 = 0.855 x 0.99 = 0.84645 (0.846)
        assertThat(oee.oee().getAsDouble()).isCloseTo(0.84645, within(TOLERANCE));
        assertThat(oee.coverage()).isEqualTo(1.0);
        assertThat(oee.flags()).isEmpty();
    }

    @Test
    void outOfOrderStateChangesGiveTheSameResult() {
        OeeResult inOrder = textbookShift().inOrder().totals(minutes(0, 540)).result();
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(textbookShift().shuffled(seed).totals(minutes(0, 540)).result()).isEqualTo(inOrder);
        }
    }

    @Test
    void intervalsAreCutAtTheWindowBounds() {
        // RUNNING from -60 and UNPLANNED_STOP from 30 to 90, RUNNING from 90 on; the window is [0, 60):
        // RUNNING 0-30 (30 min, the state at the start comes from the change before it), UNPLANNED_STOP 30-60 (30 min);
        // the change at 90 lies after the window
        OeeTotals totals = anEquipment().running(-60).unplannedStop(30).running(90).inOrder().totals(minutes(0, 60));
        assertThat(totals.runningMs()).isEqualTo(30 * MINUTE);
        assertThat(totals.observedMs()).isEqualTo(60 * MINUTE);
        // A = 30 / 60 = 0.5
        assertThat(totals.result().availability().getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void timeBeforeTheFirstKnownStateIsUnobserved() {
        // first change at minute 15 of a 60-minute window: observed 45 min, coverage 45 / 60 = 0.75; A = 45 / 45 = 1
        OeeResult oee = anEquipment().running(15).inOrder().totals(minutes(0, 60)).result();
        assertThat(oee.coverage()).isEqualTo(0.75);
        assertThat(oee.availability().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void conflictingChangesAtOneTimestampAreFlaggedAndTheLaterArrivedWins() {
        // at minute 10 IDLE arrives, then RUNNING: RUNNING 0-10 and 10-60 (the IDLE interval has length 0)
        OeeTotals totals = anEquipment().running(0).idle(10).running(10).inOrder().totals(minutes(0, 60));
        assertThat(totals.runningMs()).isEqualTo(60 * MINUTE);
        assertThat(totals.conflictingChanges()).isEqualTo(1);
        assertThat(totals.result().flags()).containsExactly(OeeFlag.CONFLICTING_STATE_CHANGES);
    }

    @Test
    void duplicateChangesAreFlaggedAndCountedOnce() {
        // the same RUNNING at minute 20 arrives twice: IDLE 0-20, RUNNING 20-60 = 40 min, not 80
        OeeTotals totals = anEquipment().idle(0).running(20).running(20).inOrder().totals(minutes(0, 60));
        assertThat(totals.runningMs()).isEqualTo(40 * MINUTE);
        assertThat(totals.duplicateChanges()).isEqualTo(1);
        assertThat(totals.result().flags()).containsExactly(OeeFlag.DUPLICATE_STATE_CHANGES);
    }

    @Test
    void aWindowWithoutRunningTimeHasZeroAvailabilityAndOee() {
        // IDLE all 60 minutes: planned 60, RUNNING 0: A = 0 / 60 = 0, P undefined (no RUNNING), Q undefined (no count)
        OeeResult oee = anEquipment().idle(0).inOrder().totals(minutes(0, 60)).result();
        assertThat(oee.availability().getAsDouble()).isZero();
        assertThat(oee.performance()).isEmpty();
        assertThat(oee.quality()).isEmpty();
        assertThat(oee.oee().getAsDouble()).isZero();
        assertThat(oee.flags()).containsExactly(OeeFlag.NO_RUNNING_TIME);
    }

    @Test
    void aWindowWithoutPlannedTimeHasNoOee() {
        // PLANNED_STOP all window: planned = 60 - 60 = 0: nothing defined
        OeeResult oee = anEquipment().plannedStop(0).inOrder().totals(minutes(0, 60)).result();
        assertThat(oee.availability()).isEmpty();
        assertThat(oee.oee()).isEmpty();
        assertThat(oee.flags()).containsExactly(OeeFlag.NO_PLANNED_TIME);
        // and an empty accumulator has observed nothing at all
        OeeResult nothing = OeeAccumulator.empty().totals(minutes(0, 60)).result();
        assertThat(nothing.coverage()).isZero();
        assertThat(nothing.flags()).containsExactly(OeeFlag.NO_PLANNED_TIME);
    }

    @Test
    void countsWithoutRunningTimeAreFlagged() {
        OeeResult oee = anEquipment().idle(0).counted(10, 0, 1000).inOrder().totals(minutes(0, 60)).result();
        assertThat(oee.flags()).containsExactlyInAnyOrder(OeeFlag.NO_RUNNING_TIME, OeeFlag.COUNTS_WITHOUT_RUNNING_TIME);
    }

    @Test
    void performanceAboveOnePointZeroFiveIsFlaggedNotClamped() {
        // RUNNING 100 min; 1100 units x 6 000 ms = 6 600 000 ms = 110 min ideal: P = 110 / 100 = 1.1
        OeeResult oee = anEquipment().running(0).counted(1100, 0, 6000).inOrder().totals(minutes(0, 100)).result();
        assertThat(oee.performance().getAsDouble()).isCloseTo(1.1, within(TOLERANCE));
        // OEE = 1 x 1.1 x 1 = 1.1, kept as computed
        assertThat(oee.oee().getAsDouble()).isCloseTo(1.1, within(TOLERANCE));
        assertThat(oee.flags()).containsExactly(OeeFlag.PERFORMANCE_ABOVE_LIMIT);
        // exactly 1.05 is not above the limit: 1050 units x 6 000 ms = 105 min
        OeeResult atLimit = anEquipment().running(0).counted(1050, 0, 6000).inOrder().totals(minutes(0, 100)).result();
        assertThat(atLimit.flags()).isEmpty();
    }

    @Test
    void anEnterpriseOeeSumsTimesAndCountsInsteadOfAveragingRatios() {
        // E1: RUNNING 0-60, 100 good units x 30 000 ms = 50 min ideal: A = 1, P = 50/60, Q = 1, OEE = 0.8333
        OeeTotals e1 = anEquipment().running(0).counted(100, 0, 30_000).inOrder().totals(minutes(0, 60));
        // E2: RUNNING 0-20, PLANNED_STOP 20-60; 20 good + 20 reject x 30 000 ms = 20 min ideal: A = 1, P = 1, Q = 0.5, OEE = 0.5
        OeeTotals e2 = anEquipment().running(0).plannedStop(20).counted(20, 20, 30_000).inOrder().totals(minutes(0, 60));
        OeeResult enterprise = OeeTotals.NONE.plus(e1).plus(e2).result();
        // A = (60 + 20) / (60 + 20) = 1; P = (50 + 20) / (60 + 20) = 0.875; Q = (100 + 20) / (100 + 40) = 6/7
        assertThat(enterprise.availability().getAsDouble()).isEqualTo(1.0);
        assertThat(enterprise.performance().getAsDouble()).isCloseTo(0.875, within(TOLERANCE));
        assertThat(enterprise.quality().getAsDouble()).isCloseTo(6.0 / 7, within(TOLERANCE));
        // OEE = 1 x 0.875 x 6/7 = 0.75, where the mean of the two OEEs would be (0.8333 + 0.5) / 2 = 0.6667
        assertThat(enterprise.oee().getAsDouble()).isCloseTo(0.75, within(TOLERANCE));
        // coverage = 120 observed / 120 window minutes
        assertThat(enterprise.coverage()).isEqualTo(1.0);
    }

    @Test
    void mergedAccumulatorsOfOneEquipmentEqualOneAccumulator() {
        OeeAccumulator first = anEquipment().running(0).plannedStop(120).running(150).counted(594, 6, 24_624).inOrder();
        OeeAccumulator second = anEquipment().unplannedStop(300).running(348).plannedStop(420).running(450)
                .counted(396, 4, 24_624).inOrder();
        assertThat(first.merge(second).totals(minutes(0, 540))).isEqualTo(textbookShift().inOrder().totals(minutes(0, 540)));
    }

    @Test
    void aUtcDayWindow() {
        // 2025-01-01T00:00Z = 1 735 689 600 s; + 181 days (Jan..Jun) x 86 400 s = 1 751 328 000 s
        TimeWindow day = TimeWindow.utcDay(LocalDate.of(2025, 7, 1));
        assertThat(day).isEqualTo(new TimeWindow(1_751_328_000_000L, 1_751_328_000_000L + 86_400_000L));
        assertThatThrownBy(() -> new TimeWindow(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> OeeAccumulator.empty().withCount(-1, 0, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("good -1");
    }
}

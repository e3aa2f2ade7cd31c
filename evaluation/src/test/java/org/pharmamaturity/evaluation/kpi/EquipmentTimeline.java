package org.pharmamaturity.evaluation.kpi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Test data for OEE: state changes in minutes from the window start, e.g.
 * {@code anEquipment().running(0).plannedStop(120).running(150)}.
 */
final class EquipmentTimeline {

    static final long MINUTE = 60_000L;

    private final List<StateChange> changes = new ArrayList<>();
    private OeeAccumulator counts = OeeAccumulator.empty();

    static EquipmentTimeline anEquipment() {
        return new EquipmentTimeline();
    }

    EquipmentTimeline at(double minute, EquipmentState state) {
        changes.add(new StateChange(Math.round(minute * MINUTE), state));
        return this;
    }

    EquipmentTimeline running(double minute) {
        return at(minute, EquipmentState.RUNNING);
    }

    EquipmentTimeline plannedStop(double minute) {
        return at(minute, EquipmentState.PLANNED_STOP);
    }

    EquipmentTimeline unplannedStop(double minute) {
        return at(minute, EquipmentState.UNPLANNED_STOP);
    }

    EquipmentTimeline idle(double minute) {
        return at(minute, EquipmentState.IDLE);
    }

    EquipmentTimeline counted(long good, long reject, double idealCycleTimeMs) {
        counts = counts.withCount(good, reject, idealCycleTimeMs);
        return this;
    }

    /** The accumulator with the changes in the order given. */
    OeeAccumulator inOrder() {
        return build(changes);
    }

    /** The accumulator with the changes shuffled, as late and out-of-order events arrive. */
    OeeAccumulator shuffled(long seed) {
        List<StateChange> shuffled = new ArrayList<>(changes);
        Collections.shuffle(shuffled, new Random(seed));
        return build(shuffled);
    }

    private OeeAccumulator build(List<StateChange> order) {
        OeeAccumulator accumulator = counts;
        for (StateChange change : order) {
            accumulator = accumulator.withStateChange(change);
        }
        return accumulator;
    }

    /** The window [fromMinute, toMinute). */
    static TimeWindow minutes(long fromMinute, long toMinute) {
        return new TimeWindow(fromMinute * MINUTE, toMinute * MINUTE);
    }
}

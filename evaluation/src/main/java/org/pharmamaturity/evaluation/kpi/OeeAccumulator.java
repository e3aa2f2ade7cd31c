package org.pharmamaturity.evaluation.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The OEE state of one equipment as a Kafka Streams aggregate: its state changes (in arrival order) and its
 * summed counts. {@link #totals(TimeWindow)} turns them into times: changes are sorted by event time (late and
 * out-of-order ones included), each state lasts until the next change (the last one until the window's end),
 * and intervals are cut at the window bounds. A change before the window gives the state at its start; without
 * one, the time before the first change is unobserved and left out of planned time. Counts are the caller's
 * to window: add only the counts of the window being evaluated. For a window still open, pass one that ends now.
 */
public record OeeAccumulator(List<StateChange> stateChanges, long goodCount, long rejectCount, double idealRunTimeMs) {

    public OeeAccumulator {
        stateChanges = List.copyOf(stateChanges);
    }

    /** No change, no count. */
    public static OeeAccumulator empty() {
        return new OeeAccumulator(List.of(), 0, 0, 0);
    }

    /** This accumulator with one more state change. */
    public OeeAccumulator withStateChange(StateChange change) {
        List<StateChange> changes = new ArrayList<>(stateChanges);
        changes.add(change);
        return new OeeAccumulator(changes, goodCount, rejectCount, idealRunTimeMs);
    }

    /** This accumulator with one production count of {@code good + reject} units at {@code idealCycleTimeMs} each. */
    public OeeAccumulator withCount(long good, long reject, double idealCycleTimeMs) {
        if (good < 0 || reject < 0 || idealCycleTimeMs < 0) {
            throw new IllegalArgumentException("counts and ideal cycle time cannot be negative: good " + good
                    + ", reject " + reject + ", idealCycleTimeMs " + idealCycleTimeMs);
        }
        return new OeeAccumulator(stateChanges, goodCount + good, rejectCount + reject,
                idealRunTimeMs + idealCycleTimeMs * (good + reject));
    }

    /** Both accumulators of the same equipment combined (e.g. merged session windows). */
    public OeeAccumulator merge(OeeAccumulator other) {
        List<StateChange> changes = new ArrayList<>(stateChanges);
        changes.addAll(other.stateChanges);
        return new OeeAccumulator(changes, goodCount + other.goodCount, rejectCount + other.rejectCount,
                idealRunTimeMs + other.idealRunTimeMs);
    }

    /** Times per state within {@code window}, with the counts, ready for {@link OeeTotals#result()}. */
    public OeeTotals totals(TimeWindow window) {
        List<StateChange> sorted = new ArrayList<>(stateChanges);
        // A stable sort: changes with the same event time keep their arrival order, so the later-arrived one wins.
        sorted.sort(Comparator.comparingLong(StateChange::eventTimeMs));
        int conflicting = 0;
        int duplicate = 0;
        Map<EquipmentState, Long> durations = new EnumMap<>(EquipmentState.class);
        for (int i = 0; i < sorted.size(); i++) {
            StateChange change = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).eventTimeMs() == change.eventTimeMs() && window.contains(change.eventTimeMs())) {
                if (sorted.get(i - 1).state() == change.state()) {
                    duplicate++;
                } else {
                    conflicting++;
                }
            }
            long until = i + 1 < sorted.size() ? sorted.get(i + 1).eventTimeMs() : window.endMs();
            long inWindow = window.overlapMs(change.eventTimeMs(), until);
            if (inWindow > 0) {
                durations.merge(change.state(), inWindow, Long::sum);
            }
        }
        long observed = durations.values().stream().mapToLong(Long::longValue).sum();
        return new OeeTotals(window.lengthMs(), observed, durations.getOrDefault(EquipmentState.PLANNED_STOP, 0L),
                durations.getOrDefault(EquipmentState.RUNNING, 0L), idealRunTimeMs, goodCount, rejectCount,
                conflicting, duplicate);
    }
}

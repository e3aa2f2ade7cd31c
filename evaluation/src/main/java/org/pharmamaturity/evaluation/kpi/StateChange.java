package org.pharmamaturity.evaluation.kpi;

/** An equipment entered {@code state} at {@code eventTimeMs} (source clock); it stays there until its next change. */
public record StateChange(long eventTimeMs, EquipmentState state) {
}

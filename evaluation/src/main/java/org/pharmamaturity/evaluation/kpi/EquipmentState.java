package org.pharmamaturity.evaluation.kpi;

/** The states of an equipment state change (DESIGN.md section 5, factory.equipment.state). */
public enum EquipmentState {
    RUNNING,
    IDLE,
    PLANNED_STOP,
    UNPLANNED_STOP,
    CHANGEOVER,
    CLEANING,
    MAINTENANCE
}

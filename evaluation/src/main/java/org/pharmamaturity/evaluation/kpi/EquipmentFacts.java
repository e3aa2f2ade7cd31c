package org.pharmamaturity.evaluation.kpi;

/**
 * What the key-equipment rates need to know about one registered piece of equipment: whether it serves a key
 * process (关键工序), whether it is under digital control (数控), and when its latest reading arrived
 * ({@code null}: never).
 */
public record EquipmentFacts(String equipmentId, boolean keyProcess, boolean digitalControl, Long lastReadingMs) {
}

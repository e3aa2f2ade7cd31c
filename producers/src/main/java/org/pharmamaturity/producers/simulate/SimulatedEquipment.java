package org.pharmamaturity.producers.simulate;

import org.pharmamaturity.schemas.avro.EquipmentClass;

/**
 * One simulated machine and how it behaves: whether it is networked (sends telemetry) and, for machines that
 * count units, its ideal cycle time.
 *
 * @param idealCycleTimeMs ideal time per unit; 0 for equipment that does not count units
 */
public record SimulatedEquipment(String equipmentId, String siteId, String lineId, EquipmentClass equipmentClass,
                                 boolean keyProcess, boolean digitalControl, boolean dataInterface,
                                 boolean networked, double idealCycleTimeMs) {

    /** Whether the machine runs production (and so follows the run, changeover, cleaning state machine). */
    public boolean producing() {
        return switch (equipmentClass) {
            case REACTOR, BIOREACTOR, TABLET_PRESS, FILLER, LYOPHILISER, PACKAGING -> true;
            default -> false;
        };
    }

    /** Whether the machine reports good and rejected unit counts. */
    public boolean countsUnits() {
        return idealCycleTimeMs > 0;
    }
}

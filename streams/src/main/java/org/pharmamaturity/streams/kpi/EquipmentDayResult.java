package org.pharmamaturity.streams.kpi;

import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.streams.dlq.LateRecord;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * What the equipment processor publishes: a new result for one equipment and day (the record for
 * kpi.equipment.daily and the fact that replaces the equipment's contribution to its enterprise's day), or an
 * input that came after its day had closed (late); either the first three or {@code late} are set.
 */
public record EquipmentDayResult(String enterpriseId, EquipmentKpi kpi, EnterpriseFact fact, LateRecord late) {

    /** A new result for one equipment and day. */
    public static EquipmentDayResult ofDay(String enterpriseId, EquipmentKpi kpi, EnterpriseFact fact) {
        return new EquipmentDayResult(enterpriseId, kpi, fact, null);
    }

    /** An input too late for its day, for maturity.dlq. */
    public static EquipmentDayResult ofLate(LateRecord late) {
        return new EquipmentDayResult(null, null, null, late);
    }

    /** True for a late input. */
    public boolean isLate() {
        return late != null;
    }
}

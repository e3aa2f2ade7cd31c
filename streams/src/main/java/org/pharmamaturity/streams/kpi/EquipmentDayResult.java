package org.pharmamaturity.streams.kpi;

import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * A new result for one equipment and day: the record for kpi.equipment.daily and the fact that replaces the
 * equipment's contribution to its enterprise's day.
 */
public record EquipmentDayResult(String enterpriseId, EquipmentKpi kpi, EnterpriseFact fact) {
}

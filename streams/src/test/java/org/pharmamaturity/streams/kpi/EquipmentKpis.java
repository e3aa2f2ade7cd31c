package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.pharmamaturity.schemas.avro.EquipmentKpi;

/** Reading kpi.equipment.daily output in the KPI tests. */
final class EquipmentKpis {

    private EquipmentKpis() {
    }

    /** The last record published for {@code key} (a correction replaces the earlier value); fails if none. */
    static EquipmentKpi latest(List<KeyValue<String, EquipmentKpi>> records, String key) {
        EquipmentKpi found = null;
        for (KeyValue<String, EquipmentKpi> record : records) {
            if (record.key.equals(key)) {
                found = record.value;
            }
        }
        assertThat(found).as("a record for %s", key).isNotNull();
        return found;
    }

    /** The value of one indicator of {@code kpi}. */
    static double value(EquipmentKpi kpi, String indicator) {
        return kpi.getValues().get(indicator).getValue();
    }
}

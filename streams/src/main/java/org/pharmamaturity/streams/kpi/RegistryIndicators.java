package org.pharmamaturity.streams.kpi;

import java.util.Collection;
import java.util.Map;

import org.pharmamaturity.evaluation.kpi.EquipmentFacts;
import org.pharmamaturity.evaluation.kpi.KeyEquipmentRates;
import org.pharmamaturity.evaluation.kpi.NetworkingRate;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.KpiValue;

/**
 * Puts the indicators over an enterprise's registered equipment (ref.equipment) into its KPI record: the
 * networking rate (设备联网率, evaluation {@link NetworkingRate}) and the key-equipment rates (关键工序数控化率,
 * 关键设备联网率, evaluation {@link KeyEquipmentRates}). An adapter: the formulas live in the evaluation module.
 */
final class RegistryIndicators {

    private RegistryIndicators() {
    }

    /**
     * Puts the networking rate and, when key-process equipment is registered, the two key-equipment rates into
     * {@code values}. The networking rates have {@code readingCoverage} (the share of their window the pipeline
     * watched) and {@code networkingWindow}; the digital control rate describes the registry now, so its coverage
     * is 1 and its window that of the record.
     */
    static void put(Map<String, KpiValue> values, Collection<Equipment> registered, Map<String, Long> lastReadingMs,
            long asOfMs, double readingCoverage, String networkingWindow, String recordWindow) {
        if (registered.isEmpty()) {
            return;
        }
        values.put(Indicators.NETWORKING_RATE, KpiValues.of(NetworkingRate.compute(
                registered.stream().map(Equipment::getEquipmentId).toList(), lastReadingMs, asOfMs).value(),
                readingCoverage, networkingWindow));
        KeyEquipmentRates rates = KeyEquipmentRates.of(registered.stream()
                .map(e -> new EquipmentFacts(e.getEquipmentId(), e.getKeyProcess(), e.getDigitalControl(),
                        lastReadingMs.get(e.getEquipmentId())))
                .toList(), asOfMs);
        if (rates.digitalControl().value().isPresent()) {
            values.put(Indicators.KEY_PROCESS_DIGITAL_CONTROL_RATE,
                    KpiValues.of(rates.digitalControl().value(), 1, recordWindow));
            values.put(Indicators.KEY_EQUIPMENT_NETWORKING_RATE,
                    KpiValues.of(rates.networking().value(), readingCoverage, networkingWindow));
        }
    }
}

package org.pharmamaturity.evaluation.kpi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pharmamaturity.evaluation.model.Indicators;

/**
 * The two key-equipment indicators over the registered equipment of one enterprise:
 * 关键工序数控化率 {@code keyProcessDigitalControlRate} = key-process equipment under digital control / key-process
 * equipment; 关键设备联网率 {@code keyEquipmentNetworkingRate} = key-process equipment with a reading in the 24 h up
 * to now / key-process equipment (the {@link NetworkingRate} rule, restricted to key equipment). Both ratios are
 * empty when no key-process equipment is registered: there is nothing to measure, not a rate of 0.
 */
public record KeyEquipmentRates(Ratio digitalControl, Ratio networking) {

    /** The rates over {@code equipment} at {@code nowMs}; an id listed twice counts once (the last facts win). */
    public static KeyEquipmentRates of(Collection<EquipmentFacts> equipment, long nowMs) {
        Map<String, EquipmentFacts> key = equipment.stream().filter(EquipmentFacts::keyProcess)
                .collect(Collectors.toMap(EquipmentFacts::equipmentId, Function.identity(), (first, last) -> last,
                        LinkedHashMap::new));
        long digital = key.values().stream().filter(EquipmentFacts::digitalControl).count();
        Map<String, Long> lastReadings = new LinkedHashMap<>();
        key.values().stream().filter(facts -> facts.lastReadingMs() != null)
                .forEach(facts -> lastReadings.put(facts.equipmentId(), facts.lastReadingMs()));
        return new KeyEquipmentRates(new Ratio(digital, key.size()),
                NetworkingRate.compute(key.keySet(), lastReadings, nowMs));
    }

    /**
     * The rates as KPI values with the given coverage and window, keyed by indicator name; empty without
     * key-process equipment.
     */
    public Map<String, KpiValue> values(double coverage, String window) {
        Map<String, KpiValue> values = new LinkedHashMap<>();
        digitalControl.value().ifPresent(rate ->
                values.put(Indicators.KEY_PROCESS_DIGITAL_CONTROL_RATE, new KpiValue(rate, coverage, window)));
        networking.value().ifPresent(rate ->
                values.put(Indicators.KEY_EQUIPMENT_NETWORKING_RATE, new KpiValue(rate, coverage, window)));
        return values;
    }
}

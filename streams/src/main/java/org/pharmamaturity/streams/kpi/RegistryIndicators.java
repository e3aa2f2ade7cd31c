package org.pharmamaturity.streams.kpi;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.pharmamaturity.evaluation.kpi.NetworkingRate;
import org.pharmamaturity.evaluation.kpi.Ratio;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.KpiValue;

/**
 * The indicators over an enterprise's registered equipment (ref.equipment): the networking rate (设备联网率), and
 * over its key-process equipment ({@code keyProcess}) the digital control rate (关键工序数控化率: under
 * {@code digitalControl} / key-process) and the key equipment networking rate (关键设备联网率: with a reading in
 * the 24 h up to asOf / key-process).
 */
public final class RegistryIndicators {

    private RegistryIndicators() {
    }

    /** Key-process equipment under digital control / key-process equipment; empty without key-process equipment. */
    public static Ratio keyProcessDigitalControl(Collection<Equipment> registered) {
        List<Equipment> key = keyProcess(registered);
        return new Ratio(key.stream().filter(Equipment::getDigitalControl).count(), key.size());
    }

    /** Key-process equipment with a reading in the 24 h up to {@code asOfMs} / key-process equipment. */
    public static Ratio keyEquipmentNetworking(Collection<Equipment> registered, Map<String, Long> lastReadingMs,
            long asOfMs) {
        return NetworkingRate.compute(ids(keyProcess(registered)), lastReadingMs, asOfMs);
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
        values.put(Indicators.NETWORKING_RATE, KpiValues.of(NetworkingRate.compute(ids(registered), lastReadingMs,
                asOfMs).value(), readingCoverage, networkingWindow));
        if (keyProcess(registered).isEmpty()) {
            return;
        }
        values.put(Indicators.KEY_PROCESS_DIGITAL_CONTROL_RATE,
                KpiValues.of(keyProcessDigitalControl(registered).value(), 1, recordWindow));
        values.put(Indicators.KEY_EQUIPMENT_NETWORKING_RATE, KpiValues.of(
                keyEquipmentNetworking(registered, lastReadingMs, asOfMs).value(), readingCoverage, networkingWindow));
    }

    private static List<Equipment> keyProcess(Collection<Equipment> registered) {
        return registered.stream().filter(Equipment::getKeyProcess).toList();
    }

    private static List<String> ids(Collection<Equipment> equipment) {
        return equipment.stream().map(Equipment::getEquipmentId).toList();
    }
}

package org.pharmamaturity.evaluation.kpi;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** 设备联网率: registered equipment with a reading in the last 24 h / registered equipment. */
public final class NetworkingRate {

    /** How recent a reading must be for the equipment to count as networked. */
    public static final long LOOKBACK_MS = 24L * 60 * 60 * 1000;

    private NetworkingRate() {
    }

    /**
     * The rate at {@code asOfMs}: a reading counts when asOf - 24 h < time <= asOf. Readings of unregistered
     * equipment are ignored; the ratio is empty when nothing is registered.
     */
    public static Ratio compute(Collection<String> registeredEquipment, Map<String, Long> lastReadingMsByEquipment,
                                long asOfMs) {
        Set<String> registered = new HashSet<>(registeredEquipment);
        long reporting = registered.stream()
                .map(lastReadingMsByEquipment::get)
                .filter(last -> last != null && last > asOfMs - LOOKBACK_MS && last <= asOfMs)
                .count();
        return new Ratio(reporting, registered.size());
    }
}

package org.pharmamaturity.evaluation.kpi;

import java.util.Locale;
import java.util.Map;

/**
 * Converts energy quantities of different carriers to kilograms of standard coal equivalent (kgce), so that
 * they can be added for energy per unit output. Coefficients are the commonly used equivalent values of
 * GB/T 2589 (recalled, not checked against the text here): replace them with the enterprise's own measured
 * values where the standard asks for it.
 * Carrier names are those of the EnergyReading record's EnergyCarrier enum; carriers with no agreed coefficient
 * (purified water, water for injection) are refused rather than guessed.
 */
public final class StandardCoalEquivalent {

    private static final Map<String, Double> KGCE_PER_UNIT = Map.of(
            "ELECTRICITY/kWh", 0.1229,
            "ELECTRICITY/MWh", 122.9,
            "NATURAL_GAS/m3", 1.2143,
            "STEAM/MJ", 0.03412,
            "STEAM/GJ", 34.12,
            "WATER/t", 0.0857,
            "COMPRESSED_AIR/m3", 0.0400);

    private StandardCoalEquivalent() {
    }

    /** {@code quantity} of {@code carrier} in {@code unit}, in kgce; IllegalArgumentException for an unknown pair. */
    public static double toKgce(String carrier, double quantity, String unit) {
        Double coefficient = KGCE_PER_UNIT.get(carrier.toUpperCase(Locale.ROOT) + "/" + unit);
        if (coefficient == null) {
            throw new IllegalArgumentException("no standard coal coefficient for " + carrier + " in " + unit
                    + "; known: " + String.join(", ", KGCE_PER_UNIT.keySet().stream().sorted().toList()));
        }
        return quantity * coefficient;
    }
}

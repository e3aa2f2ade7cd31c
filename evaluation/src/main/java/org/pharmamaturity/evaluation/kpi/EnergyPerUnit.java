package org.pharmamaturity.evaluation.kpi;

import java.util.OptionalDouble;

/** Energy per unit output: summed energy (kgce, see {@link StandardCoalEquivalent}) / summed output units. */
public record EnergyPerUnit(double energyKgce, double outputUnits) {

    /** Nothing counted. */
    public static final EnergyPerUnit NONE = new EnergyPerUnit(0, 0);

    public EnergyPerUnit {
        if (energyKgce < 0 || outputUnits < 0) {
            throw new IllegalArgumentException("energy and output cannot be negative: " + energyKgce + " kgce, "
                    + outputUnits + " units");
        }
    }

    /** This tally with more energy. */
    public EnergyPerUnit withEnergy(double kgce) {
        return new EnergyPerUnit(energyKgce + kgce, outputUnits);
    }

    /** This tally with more output. */
    public EnergyPerUnit withOutput(double units) {
        return new EnergyPerUnit(energyKgce, outputUnits + units);
    }

    /** Both tallies added. */
    public EnergyPerUnit plus(EnergyPerUnit other) {
        return new EnergyPerUnit(energyKgce + other.energyKgce, outputUnits + other.outputUnits);
    }

    /** kgce per unit; empty without output. */
    public OptionalDouble value() {
        return outputUnits == 0 ? OptionalDouble.empty() : OptionalDouble.of(energyKgce / outputUnits);
    }
}

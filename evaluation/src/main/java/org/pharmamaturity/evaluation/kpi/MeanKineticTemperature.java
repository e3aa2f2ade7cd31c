package org.pharmamaturity.evaluation.kpi;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Mean kinetic temperature (domain.md 6.2, USP 1160): MKT = (dH/R) / (-ln((1/n) sum exp(-dH / (R T_i)))), T in
 * kelvin, dH/R = 10 000 K. Kept as the sum of exp(-dH/(R T_i)) and n, so readings can be added one by one and
 * partial results merged, as a Kafka Streams aggregate.
 */
public record MeanKineticTemperature(double boltzmannSum, long samples) {

    /** dH/R in kelvin: 83.144 kJ/mol / 8.3144 J/(mol K). */
    public static final double ACTIVATION_OVER_GAS_CONSTANT_K = 10_000.0;
    private static final double ZERO_CELSIUS_K = 273.15;

    /** No reading yet. */
    public static final MeanKineticTemperature NONE = new MeanKineticTemperature(0, 0);

    /** The MKT of {@code temperaturesC}. */
    public static MeanKineticTemperature compute(Collection<Double> temperaturesC) {
        MeanKineticTemperature mkt = NONE;
        for (double t : temperaturesC) {
            mkt = mkt.with(t);
        }
        return mkt;
    }

    /** This aggregate with one more reading in degrees Celsius. */
    public MeanKineticTemperature with(double temperatureC) {
        double kelvin = temperatureC + ZERO_CELSIUS_K;
        if (!(kelvin > 0)) {
            throw new IllegalArgumentException("temperature " + temperatureC + " °C is below absolute zero");
        }
        return new MeanKineticTemperature(boltzmannSum + Math.exp(-ACTIVATION_OVER_GAS_CONSTANT_K / kelvin), samples + 1);
    }

    /** Both aggregates combined. */
    public MeanKineticTemperature plus(MeanKineticTemperature other) {
        return new MeanKineticTemperature(boltzmannSum + other.boltzmannSum, samples + other.samples);
    }

    /** The MKT in degrees Celsius; empty without readings. */
    public OptionalDouble celsius() {
        if (samples == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(ACTIVATION_OVER_GAS_CONSTANT_K / -Math.log(boltzmannSum / samples) - ZERO_CELSIUS_K);
    }
}

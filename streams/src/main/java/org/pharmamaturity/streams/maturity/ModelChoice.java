package org.pharmamaturity.streams.maturity;

import java.util.EnumMap;
import java.util.Map;

import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.ManufacturingType;

/**
 * Which model scores an enterprise: the model of its manufacturing type in ref.enterprise (settings
 * {@code maturity.model.process} and {@code maturity.model.discrete}), else the default model
 * ({@code maturity.model}), also for an enterprise ref.enterprise does not know.
 *
 * @param defaultVersion modelVersion of the default model
 * @param byType modelVersion per manufacturing type; a type without an entry takes the default
 */
public record ModelChoice(String defaultVersion, Map<ManufacturingType, String> byType) {

    public ModelChoice {
        byType = Map.copyOf(byType);
    }

    /** The same model for every enterprise. */
    public static ModelChoice everyType(String modelVersion) {
        return new ModelChoice(modelVersion, Map.of());
    }

    /** The default model, and {@code process} and {@code discrete} for those types. */
    public static ModelChoice of(String defaultVersion, String process, String discrete) {
        Map<ManufacturingType, String> byType = new EnumMap<>(ManufacturingType.class);
        byType.put(ManufacturingType.PROCESS, process);
        byType.put(ManufacturingType.DISCRETE, discrete);
        return new ModelChoice(defaultVersion, byType);
    }

    /** The modelVersion that scores {@code enterprise} (null: not registered). */
    public String versionFor(Enterprise enterprise) {
        if (enterprise == null) {
            return defaultVersion;
        }
        return byType.getOrDefault(enterprise.getManufacturingType(), defaultVersion);
    }
}

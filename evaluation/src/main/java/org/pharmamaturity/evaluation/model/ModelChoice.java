package org.pharmamaturity.evaluation.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which model scores an enterprise of a given manufacturing type: PROCESS and DISCRETE take the model registered for
 * that type (a model file's {@code manufacturingType}), anything else (MIXED, unknown) the fallback. The caller
 * decides the fallback and may override any type, e.g. from its settings.
 */
public record ModelChoice(Map<ManufacturingType, String> byType, String fallback) {

    public ModelChoice {
        Objects.requireNonNull(fallback, "fallback modelVersion");
        EnumMap<ManufacturingType, String> copy = new EnumMap<>(ManufacturingType.class);
        copy.putAll(byType);
        byType = Collections.unmodifiableMap(copy);
    }

    /**
     * The models of {@code models} that name a manufacturing type serve it (the first registered wins when two name
     * the same type); every other type gets {@code fallback}. {@link ModelException} when {@code fallback} is not
     * registered.
     */
    public static ModelChoice of(ModelRegistry models, String fallback) {
        if (models.find(fallback).isEmpty()) {
            throw new ModelException("'" + fallback + "'", List.of("the default model is not in force; models in force: "
                    + String.join(", ", models.versions())));
        }
        Map<ManufacturingType, String> byType = new EnumMap<>(ManufacturingType.class);
        for (MaturityModel model : models.models()) {
            if (model.manufacturingType() != null) {
                byType.putIfAbsent(model.manufacturingType(), model.modelVersion());
            }
        }
        return new ModelChoice(byType, fallback);
    }

    /** The built-in choice: PROCESS -> cmmm-process-v1, DISCRETE -> cmmm-discrete-v1, else cmmm-2020-reference. */
    public static ModelChoice builtIn() {
        return of(ModelRegistry.builtIn(), ModelLoader.REFERENCE_MODEL);
    }

    /** This choice with {@code type} scored by {@code modelVersion}. */
    public ModelChoice with(ManufacturingType type, String modelVersion) {
        Map<ManufacturingType, String> copy = new EnumMap<>(ManufacturingType.class);
        copy.putAll(byType);
        copy.put(type, modelVersion);
        return new ModelChoice(copy, fallback);
    }

    /** The modelVersion for an enterprise of {@code type}; the fallback for null or a type without a model. */
    public String versionFor(ManufacturingType type) {
        return type == null ? fallback : byType.getOrDefault(type, fallback);
    }
}

package org.pharmamaturity.evaluation.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models in force, by modelVersion, so that every assessment is scored with the model it names. */
public final class ModelRegistry {

    private final Map<String, MaturityModel> models;

    private ModelRegistry(Map<String, MaturityModel> models) {
        this.models = Collections.unmodifiableMap(models);
    }

    /** A registry of the given models; {@link ModelException} when two share a modelVersion. */
    public static ModelRegistry of(MaturityModel... models) {
        return of(List.of(models));
    }

    /** A registry of the given models; {@link ModelException} when two share a modelVersion. */
    public static ModelRegistry of(List<MaturityModel> models) {
        Map<String, MaturityModel> byVersion = new LinkedHashMap<>();
        for (MaturityModel model : models) {
            if (byVersion.putIfAbsent(model.modelVersion(), model) != null) {
                throw new ModelException("'" + model.modelVersion() + "'",
                        List.of("two models share this modelVersion; give each model file its own version"));
            }
        }
        return new ModelRegistry(byVersion);
    }

    /** The built-in models of this jar. */
    public static ModelRegistry builtIn() {
        return of(ModelLoader.BUILT_IN.stream().map(ModelLoader::builtIn).toList());
    }

    /** The model of that version, if registered. */
    public Optional<MaturityModel> find(String modelVersion) {
        return Optional.ofNullable(models.get(modelVersion));
    }

    /** Every registered model, in registration order. */
    public List<MaturityModel> models() {
        return List.copyOf(models.values());
    }

    /** Every registered modelVersion, in registration order. */
    public List<String> versions() {
        return List.copyOf(models.keySet());
    }
}

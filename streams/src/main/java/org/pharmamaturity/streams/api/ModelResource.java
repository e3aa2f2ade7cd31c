package org.pharmamaturity.streams.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.ModelWriter;

/**
 * {@code GET /api/v1/model}: a model in force (catalogue, parameters, weights, evidence rules, modelVersion): the
 * default model, or with {@code ?modelVersion=} any model in force (the built-in ones and those configured per
 * manufacturing type), so every published score can be reproduced with the model it names.
 */
final class ModelResource {

    static final String MODEL_VERSION = "modelVersion";

    private final String defaultVersion;
    private final Map<String, String> modelJson;

    ModelResource(ModelRegistry models, MaturityModel defaultModel) {
        this.defaultVersion = defaultModel.modelVersion();
        this.modelJson = models.versions().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                version -> ModelWriter.toJson(models.find(version).orElseThrow())));
    }

    List<Route> routes() {
        return List.of(Route.get("/api/v1/model", Set.of(MODEL_VERSION), this::model));
    }

    private ApiResponse model(ApiRequest request) {
        String version = request.query(MODEL_VERSION).map(v -> Identifiers.require(MODEL_VERSION, v))
                .orElse(defaultVersion);
        String json = modelJson.get(version);
        if (json == null) {
            throw ApiException.notFound("No model '" + version + "' is in force; models in force: "
                    + String.join(", ", modelJson.keySet().stream().sorted().toList()) + ".");
        }
        return ApiResponse.jsonText(json);
    }
}

package org.pharmamaturity.streams.api;

import java.util.List;

import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelWriter;

/** {@code GET /api/v1/model}: the model in force (catalogue, parameters, weights, evidence rules, modelVersion). */
final class ModelResource {

    private final String modelJson;

    ModelResource(MaturityModel inForce) {
        this.modelJson = ModelWriter.toJson(inForce);
    }

    List<Route> routes() {
        return List.of(Route.get("/api/v1/model", java.util.Set.of(), request -> ApiResponse.jsonText(modelJson)));
    }
}

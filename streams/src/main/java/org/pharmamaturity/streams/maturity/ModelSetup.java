package org.pharmamaturity.streams.maturity;

import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelChoice;
import org.pharmamaturity.evaluation.model.ModelRegistry;

/**
 * The models in force, which of them scores which enterprise, and the default model (the one
 * {@code GET /api/v1/model} serves without a modelVersion).
 */
public record ModelSetup(ModelRegistry registry, ModelChoice choice, MaturityModel defaultModel) {
}

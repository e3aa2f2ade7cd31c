package org.pharmamaturity.streams.topology;

import org.pharmamaturity.evaluation.model.ModelChoice;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;
import org.pharmamaturity.streams.serde.TopicSerdes;

/**
 * What every topology is built from: the settings, the registry-backed serdes of the topics, the models in force,
 * which of them scores which enterprise (by manufacturing type), the check of scenario declarations
 * against the catalogue in force, and the counters.
 */
public record TopologyDependencies(TopologySettings settings, TopicSerdes serdes, ModelRegistry models,
        ModelChoice modelChoice, ScenarioDeclarations scenarioDeclarations, PipelineMeters meters) {
}

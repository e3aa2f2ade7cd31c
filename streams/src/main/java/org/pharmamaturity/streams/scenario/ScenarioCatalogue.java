package org.pharmamaturity.streams.scenario;

import java.util.List;
import java.util.Optional;

import org.pharmamaturity.schemas.declaration.KnownScenarios;

/**
 * The typical-scenario catalogue in force (versioned data of the evaluation module), as the pipeline and the API
 * read it: declarations are checked against it and each declared scenario takes its links from it.
 * {@link #none()} stands for "no catalogue loaded": no version, no scenario, and no scenario id refused.
 */
public interface ScenarioCatalogue extends KnownScenarios {

    /** Every scenario, in catalogue order. */
    List<CatalogueScenario> scenarios();

    /** The scenario of that id, if the catalogue has it. */
    default Optional<CatalogueScenario> scenario(String scenarioId) {
        return scenarios().stream().filter(s -> s.scenarioId().equals(scenarioId)).findFirst();
    }

    @Override
    default boolean knows(String scenarioId) {
        return catalogueVersion().isEmpty() || scenario(scenarioId).isPresent();
    }

    /** No catalogue loaded. */
    static ScenarioCatalogue none() {
        return new ScenarioCatalogue() {
            @Override
            public Optional<String> catalogueVersion() {
                return Optional.empty();
            }

            @Override
            public List<CatalogueScenario> scenarios() {
                return List.of();
            }
        };
    }
}

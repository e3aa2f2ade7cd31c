package org.pharmamaturity.evaluation.scenario;

import java.util.List;

/**
 * A typical application scenario (典型应用场景) of the catalogue: a stable ascii id
 * ({@code <link>.<scenario>}), its link, the tier link that link counts for, names, and the indicators that
 * evidence it (none: a deployed scenario stays UNVERIFIED, the pipeline has no data on it).
 */
public record Scenario(String scenarioId, String link, String tierLink, String nameZh, String nameEn,
                       List<ScenarioIndicator> indicators, String source) {

    public Scenario {
        indicators = List.copyOf(indicators);
    }
}

package org.pharmamaturity.evaluation.scenario;

import java.time.Instant;
import java.util.List;

/**
 * An enterprise's declaration of its typical scenarios against one catalogue version (topic
 * {@code assessment.scenarios.declared}). Checked by {@link ScenarioDeclarationValidator}; scenarios the declaration
 * does not name count as not deployed.
 */
public record ScenarioDeclaration(String enterpriseId, String catalogueVersion, Instant declaredAt,
                                  List<DeclaredScenario> scenarios) {

    public ScenarioDeclaration {
        scenarios = scenarios == null ? null : List.copyOf(scenarios);
    }
}

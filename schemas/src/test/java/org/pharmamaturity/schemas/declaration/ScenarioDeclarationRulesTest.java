package org.pharmamaturity.schemas.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Two checks of one declaration give one sentence per field: the first check's. */
class ScenarioDeclarationRulesTest {

    @Test
    void mergeKeepsTheFirstProblemOfEachFieldAndAddsTheOthers() {
        List<String> merged = ScenarioDeclarationRules.merge(
                List.of("enterpriseId: missing", "scenarios[0].status: UNKNOWN; use PLANNED, PILOT or DEPLOYED"),
                List.of("enterpriseId: missing", "scenarios[0].status: missing (PLANNED, PILOT or DEPLOYED)",
                        "scenarios[1].scenarioId: 'X' is not a scenario of scenarios-2025"));

        assertThat(merged).containsExactly("enterpriseId: missing",
                "scenarios[0].status: UNKNOWN; use PLANNED, PILOT or DEPLOYED",
                "scenarios[1].scenarioId: 'X' is not a scenario of scenarios-2025");
    }
}

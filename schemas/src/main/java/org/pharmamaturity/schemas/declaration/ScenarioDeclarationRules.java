package org.pharmamaturity.schemas.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;

/**
 * The checks a scenario declaration must pass, shared by the pipeline's validation (a failing record is a dead
 * letter), the API (a failing request is a 400) and the ingest CLI (a failing file is refused):
 * enterpriseId, submissionId and catalogueVersion present, at least one
 * scenario, every scenarioId present and unique, every status one the pipeline knows, and, when a catalogue is
 * loaded, the catalogue's version and ids. Every problem is reported, never only the first.
 */
public final class ScenarioDeclarationRules {

    private ScenarioDeclarationRules() {
    }

    /** One sentence per problem, naming the field ({@code scenarios[2].scenarioId: ...}); empty when valid. */
    public static List<String> problems(ScenarioDeclaration declaration, KnownScenarios catalogue) {
        List<String> problems = new ArrayList<>();
        requireText("enterpriseId", declaration.getEnterpriseId(), problems);
        requireText("submissionId", declaration.getSubmissionId(), problems);
        String catalogueVersion = declaration.getCatalogueVersion();
        requireText("catalogueVersion", catalogueVersion, problems);
        Optional<String> inForce = catalogue.catalogueVersion();
        if (!isBlank(catalogueVersion) && inForce.isPresent() && !inForce.get().equals(catalogueVersion)) {
            problems.add("catalogueVersion: '" + catalogueVersion + "' is not the catalogue in force ("
                    + inForce.get() + "); declare the scenarios of " + inForce.get());
        }
        List<DeclaredScenario> scenarios = declaration.getScenarios();
        if (scenarios == null || scenarios.isEmpty()) {
            problems.add("scenarios: missing; declare at least one scenario");
            return problems;
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < scenarios.size(); i++) {
            DeclaredScenario scenario = scenarios.get(i);
            String field = "scenarios[" + i + "]";
            String id = scenario.getScenarioId();
            if (isBlank(id)) {
                problems.add(field + ".scenarioId: missing");
            } else {
                Integer earlier = first.putIfAbsent(id, i);
                if (earlier != null) {
                    problems.add(field + ".scenarioId: '" + id + "' is already declared at scenarios[" + earlier + "]");
                }
                if (inForce.isPresent() && !catalogue.knows(id)) {
                    problems.add(field + ".scenarioId: '" + id + "' is not a scenario of catalogue " + inForce.get());
                }
            }
            if (scenario.getStatus() == null || scenario.getStatus() == ScenarioStatus.UNKNOWN) {
                problems.add(field + ".status: " + (scenario.getStatus() == null ? "missing" : "UNKNOWN")
                        + "; use PLANNED, PILOT or DEPLOYED");
            }
        }
        return problems;
    }

    private static void requireText(String field, String value, List<String> problems) {
        if (isBlank(value)) {
            problems.add(field + ": missing");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

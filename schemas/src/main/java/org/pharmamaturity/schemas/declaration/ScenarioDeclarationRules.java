package org.pharmamaturity.schemas.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;

/**
 * The checks of a scenario declaration's form that need no catalogue, for readers without one (the ingest CLI, the
 * simulator's tests): enterpriseId, submissionId and catalogueVersion present, at least one scenario, every
 * scenarioId present and unique, every status one this reader knows. The pipeline and the API add the evaluation
 * module's check against the catalogue in force ({@code ScenarioDeclarationValidator}) with {@link #merge}, which
 * keeps one problem per field. Every problem is reported, never only the first.
 */
public final class ScenarioDeclarationRules {

    private ScenarioDeclarationRules() {
    }

    /** One sentence per problem, naming the field ({@code scenarios[2].scenarioId: ...}); empty when valid. */
    public static List<String> problems(ScenarioDeclaration declaration) {
        List<String> problems = new ArrayList<>();
        requireText("enterpriseId", declaration.getEnterpriseId(), problems);
        requireText("submissionId", declaration.getSubmissionId(), problems);
        requireText("catalogueVersion", declaration.getCatalogueVersion(), problems);
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
            }
            if (scenario.getStatus() == null || scenario.getStatus() == ScenarioStatus.UNKNOWN) {
                problems.add(field + ".status: " + (scenario.getStatus() == null ? "missing" : "UNKNOWN")
                        + "; use PLANNED, PILOT or DEPLOYED");
            }
        }
        return problems;
    }

    /**
     * {@code problems} followed by those of {@code more} about fields not already reported (the field is the text
     * before the first colon), so two checks of the same field give one sentence.
     */
    public static List<String> merge(List<String> problems, List<String> more) {
        Set<String> reported = new LinkedHashSet<>();
        problems.forEach(problem -> reported.add(field(problem)));
        List<String> all = new ArrayList<>(problems);
        more.stream().filter(problem -> reported.add(field(problem))).forEach(all::add);
        return all;
    }

    private static String field(String problem) {
        int colon = problem.indexOf(':');
        return colon < 0 ? problem : problem.substring(0, colon);
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

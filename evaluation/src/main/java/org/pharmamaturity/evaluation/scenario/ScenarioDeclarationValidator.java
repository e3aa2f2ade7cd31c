package org.pharmamaturity.evaluation.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a scenario declaration against a catalogue: enterprise and catalogue version present, the version the
 * catalogue's, every scenario id known and declared once, a status on each, no {@code since} after the declaration.
 * Reports every problem, never only the first.
 */
public final class ScenarioDeclarationValidator {

    private ScenarioDeclarationValidator() {
    }

    /** Throws {@link ScenarioDeclarationException} listing every problem of {@code declaration}. */
    public static void validate(ScenarioDeclaration declaration, ScenarioCatalogue catalogue) {
        List<String> problems = problems(declaration, catalogue);
        if (!problems.isEmpty()) {
            throw new ScenarioDeclarationException(describe(declaration.enterpriseId()), problems);
        }
    }

    /** Every problem of {@code declaration}; empty when it can be used. */
    public static List<String> problems(ScenarioDeclaration declaration, ScenarioCatalogue catalogue) {
        return problems(declaration, catalogue, true);
    }

    static List<String> problems(ScenarioDeclaration declaration, ScenarioCatalogue catalogue, boolean checkStatus) {
        List<String> problems = new ArrayList<>();
        if (isBlank(declaration.enterpriseId())) {
            problems.add("enterpriseId: missing");
        }
        if (isBlank(declaration.catalogueVersion())) {
            problems.add("catalogueVersion: missing");
        } else if (!declaration.catalogueVersion().equals(catalogue.catalogueVersion())) {
            problems.add("catalogueVersion: '" + declaration.catalogueVersion() + "' is not the catalogue in force ("
                    + catalogue.catalogueVersion() + ")");
        }
        if (declaration.scenarios() == null) {
            problems.add("scenarios: missing");
            return problems;
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < declaration.scenarios().size(); i++) {
            DeclaredScenario scenario = declaration.scenarios().get(i);
            String where = "scenarios[" + i + "]";
            if (isBlank(scenario.scenarioId())) {
                problems.add(where + ".scenarioId: missing");
            } else {
                if (catalogue.scenario(scenario.scenarioId()).isEmpty()) {
                    problems.add(where + ".scenarioId: '" + scenario.scenarioId() + "' is not a scenario of "
                            + catalogue.catalogueVersion());
                }
                Integer earlier = first.putIfAbsent(scenario.scenarioId(), i);
                if (earlier != null) {
                    problems.add(where + ".scenarioId: '" + scenario.scenarioId() + "' is already declared at scenarios["
                            + earlier + "]");
                }
            }
            if (checkStatus && scenario.status() == null) {
                problems.add(where + ".status: missing (PLANNED, PILOT or DEPLOYED)");
            }
            if (scenario.since() != null && declaration.declaredAt() != null
                    && scenario.since().isAfter(dayOf(declaration.declaredAt()))) {
                problems.add(where + ".since: " + scenario.since() + " is after the declaration ("
                        + dayOf(declaration.declaredAt()) + ")");
            }
        }
        return problems;
    }

    static String describe(String enterpriseId) {
        return isBlank(enterpriseId) ? "(no enterpriseId)" : "of '" + enterpriseId + "'";
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

package org.pharmamaturity.evaluation.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonFields;

/**
 * Reads a scenario declaration document ({@code {enterpriseId, catalogueVersion, declaredAt, scenarios: [{scenarioId,
 * status, aiEnabled, since, evidence}]}}, {@code since} an ISO date) and checks it against a catalogue, reporting
 * malformed fields and failed checks together in one {@link ScenarioDeclarationException}.
 */
public final class ScenarioDeclarationReader {

    private ScenarioDeclarationReader() {
    }

    /** Reads and validates {@code json}; {@code source} names it in messages. */
    public static ScenarioDeclaration read(String json, String source, ScenarioCatalogue catalogue) {
        JsonNode root = Json.tree(json, problem -> new ScenarioDeclarationException(source, List.of(problem)));
        JsonFields fields = JsonFields.root(root, "declaration");
        String enterpriseId = fields.optionalText("enterpriseId");
        String catalogueVersion = fields.optionalText("catalogueVersion");
        Instant declaredAt = parse(fields, "declaredAt", fields.optionalText("declaredAt"), Instant::parse,
                "an ISO-8601 instant such as 2025-06-30T08:00:00Z");
        List<JsonFields> items = fields.optionalObjects("scenarios");
        List<DeclaredScenario> scenarios = items == null ? null : new ArrayList<>();
        for (JsonFields item : items == null ? List.<JsonFields>of() : items) {
            LocalDate since = parse(item, "since", item.optionalText("since"), LocalDate::parse,
                    "an ISO date such as 2024-03-01");
            scenarios.add(new DeclaredScenario(item.optionalText("scenarioId"),
                    item.choice("status", ScenarioStatus.values(), Enum::name), item.optionalBoolean("aiEnabled", false),
                    since, item.optionalText("evidence")));
        }
        ScenarioDeclaration declaration = new ScenarioDeclaration(enterpriseId, catalogueVersion, declaredAt, scenarios);
        List<String> problems = new ArrayList<>(fields.problems());
        // The reader reports a missing or unknown status itself, so the validator must not say it twice.
        problems.addAll(ScenarioDeclarationValidator.problems(declaration, catalogue, false));
        if (!problems.isEmpty()) {
            throw new ScenarioDeclarationException(enterpriseId == null ? source
                    : ScenarioDeclarationValidator.describe(enterpriseId), problems);
        }
        return declaration;
    }

    private static <T> T parse(JsonFields fields, String name, String text, Function<String, T> parser, String expected) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            fields.problem(name, "'" + text + "' is not " + expected);
            return null;
        }
    }
}

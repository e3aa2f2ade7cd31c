package org.pharmamaturity.evaluation.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.IsoText;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonDocument;

/**
 * Reads a scenario declaration document (defined by the JSON Schema {@value #SCHEMA}: {@code {enterpriseId,
 * catalogueVersion, declaredAt, scenarios: [{scenarioId, status, aiEnabled, since, evidence}]}}, {@code since} an ISO
 * date) and checks it against a catalogue, reporting malformed fields and failed checks together in one
 * {@link ScenarioDeclarationException}.
 */
public final class ScenarioDeclarationReader {

    /** The JSON Schema of scenario declaration files, a resource of this module. */
    public static final String SCHEMA = "/json-schema/scenario-declaration.schema.json";

    private static final String SCENARIOS = "scenarios";
    private static final JsonDocument<ScenarioDeclaration> DOCUMENT = JsonDocument.of("declaration", SCHEMA,
            ScenarioDeclaration.class);

    private ScenarioDeclarationReader() {
    }

    /** Reads and validates {@code json}; {@code source} names it in messages. */
    public static ScenarioDeclaration read(String json, String source, ScenarioCatalogue catalogue) {
        JsonNode root = Json.tree(json, problem -> new ScenarioDeclarationException(source, List.of(problem)));
        // What the schema rejects is left out (read as absent), so the validator reports only what is still wrong.
        JsonNode readable = DOCUMENT.readable(root);
        List<JsonDocument.Problem> more = new ArrayList<>();
        IsoText.check(readable, List.of("declaredAt"), Instant::parse,
                "an ISO-8601 instant such as 2025-06-30T08:00:00Z").ifPresent(more::add);
        for (int i = 0; i < readable.path(SCENARIOS).size(); i++) {
            IsoText.check(readable.get(SCENARIOS).get(i), List.of(SCENARIOS, i, "since"), LocalDate::parse,
                    "an ISO date such as 2024-03-01").ifPresent(more::add);
        }
        ScenarioDeclaration declaration = DOCUMENT.bind(readable);
        List<String> problems = new ArrayList<>(DOCUMENT.problems(root, more));
        // The schema reports a missing or unknown status itself, so the validator must not say it twice.
        problems.addAll(ScenarioDeclarationValidator.problems(declaration, catalogue, false));
        if (!problems.isEmpty()) {
            String enterpriseId = declaration.enterpriseId();
            throw new ScenarioDeclarationException(enterpriseId == null ? source
                    : ScenarioDeclarationValidator.describe(enterpriseId), problems);
        }
        return declaration;
    }
}

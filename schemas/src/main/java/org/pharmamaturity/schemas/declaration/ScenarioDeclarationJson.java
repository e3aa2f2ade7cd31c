package org.pharmamaturity.schemas.declaration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioStatus;

/**
 * The JSON form of a scenario declaration, shared by {@code POST /api/v1/scenarios/declarations} and the ingest
 * CLI: {@code {enterpriseId, submissionId, catalogueVersion, declaredAt (ISO-8601, optional), scenarios:
 * [{scenarioId, status: PLANNED|PILOT|DEPLOYED, aiEnabled (default false), since (yyyy-MM-dd, optional),
 * evidence (optional)}]}}. Reading checks the types and then {@link ScenarioDeclarationRules}, and reports every
 * problem, one per field.
 */
public final class ScenarioDeclarationJson {

    private static final List<String> STATUSES = Arrays.stream(ScenarioStatus.values())
            .filter(status -> status != ScenarioStatus.UNKNOWN).map(Enum::name).toList();

    private ScenarioDeclarationJson() {
    }

    /**
     * Reads one declaration object.
     *
     * @param node the JSON object
     * @param defaultDeclaredAt the eventTime when {@code declaredAt} is absent
     * @param origin where it came from ({@code api}, a file name), so the eventId is the same when it is resent
     */
    public static DeclarationReading read(JsonNode node, Instant defaultDeclaredAt, String origin) {
        List<String> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new DeclarationReading(null, List.of("declaration: expected one JSON object"));
        }
        String enterpriseId = text(node, "enterpriseId");
        String submissionId = text(node, "submissionId");
        Instant declaredAt = defaultDeclaredAt;
        if (node.hasNonNull("declaredAt")) {
            try {
                declaredAt = Instant.parse(node.get("declaredAt").asText());
            } catch (DateTimeParseException e) {
                problems.add("declaredAt: '" + node.get("declaredAt").asText() + "' is not an ISO-8601 instant such as"
                        + " 2025-03-01T08:00:00Z");
            }
        }
        List<DeclaredScenario> scenarios = new ArrayList<>();
        JsonNode list = node.get("scenarios");
        if (list != null && !list.isNull() && !list.isArray()) {
            problems.add("scenarios: expected an array of scenarios");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                scenarios.add(scenario(list.get(i), "scenarios[" + i + "]", problems));
            }
        }
        ScenarioDeclaration declaration = new ScenarioDeclaration(eventId(origin, enterpriseId, submissionId),
                declaredAt, enterpriseId, submissionId, text(node, "catalogueVersion"), scenarios);
        return new DeclarationReading(declaration, ScenarioDeclarationRules.merge(problems,
                ScenarioDeclarationRules.problems(declaration)));
    }

    /** The eventId of a declaration: the same for the same origin, enterprise and submission, so a resend counts once. */
    public static String eventId(String origin, String enterpriseId, String submissionId) {
        return UUID.nameUUIDFromBytes((origin + ":" + enterpriseId + ":" + submissionId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }


    /**
     * The status of that name; UNKNOWN, with a problem, for anything else (the rules then report no second problem
     * for the field).
     */
    static ScenarioStatus status(String text, String field, List<String> problems) {
        if (text != null && STATUSES.contains(text)) {
            return ScenarioStatus.valueOf(text);
        }
        problems.add(field + ": " + (text == null ? "missing" : "'" + text + "' is not a status") + "; use "
                + String.join(", ", STATUSES));
        return ScenarioStatus.UNKNOWN;
    }

    /** The date of {@code text} (yyyy-MM-dd); null, with a problem, when it is not one. */
    static LocalDate date(String text, String field, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(field + ": '" + text + "' is not a date such as 2024-06-01");
            return null;
        }
    }

    private static DeclaredScenario scenario(JsonNode node, String field, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(field + ": expected a scenario object");
            return new DeclaredScenario(null, ScenarioStatus.UNKNOWN, false, null, null);
        }
        ScenarioStatus status = status(text(node, "status"), field + ".status", problems);
        boolean ai = false;
        JsonNode aiNode = node.get("aiEnabled");
        if (aiNode != null && !aiNode.isNull()) {
            if (aiNode.isBoolean()) {
                ai = aiNode.booleanValue();
            } else {
                problems.add(field + ".aiEnabled: expected true or false, not " + aiNode);
            }
        }
        return new DeclaredScenario(text(node, "scenarioId"), status, ai,
                date(text(node, "since"), field + ".since", problems), text(node, "evidence"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

}

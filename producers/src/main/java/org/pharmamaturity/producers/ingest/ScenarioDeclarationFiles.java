package org.pharmamaturity.producers.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.declaration.DeclarationReading;
import org.pharmamaturity.schemas.declaration.ScenarioDeclarationJson;

/**
 * Scenario declarations from files, read by the schemas module's {@link ScenarioDeclarationJson} so the CLI
 * accepts exactly what the API and the pipeline accept:
 * <ul>
 * <li>JSON: one declaration object or an array of them; problems name the JSON path
 * ({@code [1].scenarios[0].status}).</li>
 * <li>CSV: one row per scenario, {@code enterpriseId,submissionId,catalogueVersion,declaredAt,scenarioId,status,
 * aiEnabled,since,evidence}; the rows of one submissionId make one declaration, and a problem is reported on the
 * line of the scenario it concerns (the declaration's first line for the others). A declaration with a problem is
 * refused whole, since a partial one would replace the enterprise's scenarios with fewer.</li>
 * </ul>
 * {@code declaredAt} defaults to the ingest time.
 */
final class ScenarioDeclarationFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SCENARIO_FIELD = Pattern.compile("^scenarios\\[(\\d+)]\\.(\\w+): (.*)$");
    private static final List<String> DECLARATION_COLUMNS = List.of("enterpriseId", "submissionId",
            "catalogueVersion", "declaredAt");
    private static final List<String> SCENARIO_COLUMNS = List.of("scenarioId", "status", "since", "evidence");

    private ScenarioDeclarationFiles() {
    }

    /** The declarations of a JSON document. */
    static Validation json(Path file, Instant ingestTime) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IngestException("Cannot read " + file + " (" + e + "): check the path.", e);
        }
        SourceRow document = new SourceRow(file, 0, Map.of(), text, null);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JacksonException e) {
            return new Validation(List.of(), List.of(new RowProblem(file, 0, "document", "not valid JSON ("
                    + e.getOriginalMessage() + ")")), List.of(document));
        }
        boolean many = tree != null && tree.isArray();
        List<ParsedRecord<?>> records = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        List<JsonNode> declarations = new ArrayList<>();
        if (many) {
            tree.forEach(declarations::add);
        } else {
            declarations.add(tree);
        }
        for (int i = 0; i < declarations.size(); i++) {
            DeclarationReading reading = ScenarioDeclarationJson.read(declarations.get(i), ingestTime,
                    file.getFileName().toString());
            String prefix = many ? "[" + i + "]." : "";
            if (reading.valid()) {
                records.add(record(reading));
            }
            reading.problems().forEach(problem -> problems.add(problem(file, 0, prefix + problem)));
        }
        return new Validation(problems.isEmpty() ? records : List.of(), problems,
                problems.isEmpty() ? List.of() : List.of(document));
    }

    /** The declarations of CSV rows, one per scenario. */
    static Validation csv(List<SourceRow> rows, Instant ingestTime) {
        List<RowProblem> problems = new ArrayList<>();
        List<SourceRow> rejected = new ArrayList<>();
        Map<String, List<SourceRow>> bySubmission = new LinkedHashMap<>();
        for (SourceRow row : rows) {
            if (row.malformed() != null) {
                problems.add(new RowProblem(row.file(), row.line(), "row", row.malformed()));
                rejected.add(row);
            } else {
                bySubmission.computeIfAbsent(value(row, "submissionId"), id -> new ArrayList<>()).add(row);
            }
        }
        List<ParsedRecord<?>> records = new ArrayList<>();
        for (List<SourceRow> declarationRows : bySubmission.values()) {
            SourceRow first = declarationRows.get(0);
            List<RowProblem> found = new ArrayList<>();
            for (SourceRow row : declarationRows) {
                for (String column : DECLARATION_COLUMNS) {
                    String text = value(row, column);
                    if (!Objects.equals(text, value(first, column))) {
                        found.add(new RowProblem(row.file(), row.line(), column, shown(text) + " differs from "
                                + shown(value(first, column)) + " on line " + first.line() + " of the same submissionId"));
                    }
                }
            }
            DeclarationReading reading = ScenarioDeclarationJson.read(asJson(declarationRows), ingestTime,
                    first.file().getFileName().toString());
            reading.problems().forEach(problem -> found.add(onLine(declarationRows, problem)));
            if (found.isEmpty()) {
                records.add(record(reading));
            } else {
                problems.addAll(found);
                rejected.addAll(declarationRows);
            }
        }
        rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Validation(records, problems, rejected);
    }

    private static ParsedRecord<?> record(DeclarationReading reading) {
        return new ParsedRecord<>(Topic.ASSESSMENT_SCENARIOS_DECLARED, reading.declaration().getEnterpriseId(),
                reading.declaration());
    }

    /** The rows of one declaration in its JSON form, so the shared reader checks them. */
    private static ObjectNode asJson(List<SourceRow> rows) {
        ObjectNode declaration = MAPPER.createObjectNode();
        DECLARATION_COLUMNS.forEach(column -> putText(declaration, column, value(rows.get(0), column)));
        ArrayNode scenarios = declaration.putArray("scenarios");
        for (SourceRow row : rows) {
            ObjectNode scenario = scenarios.addObject();
            SCENARIO_COLUMNS.forEach(column -> putText(scenario, column, value(row, column)));
            String ai = value(row, "aiEnabled");
            if ("true".equalsIgnoreCase(ai) || "false".equalsIgnoreCase(ai)) {
                scenario.put("aiEnabled", Boolean.parseBoolean(ai));
            } else {
                putText(scenario, "aiEnabled", ai);
            }
        }
        return declaration;
    }

    /** A problem of the reader on the line of the scenario it names, else on the declaration's first line. */
    private static RowProblem onLine(List<SourceRow> rows, String problem) {
        Matcher scenario = SCENARIO_FIELD.matcher(problem);
        if (scenario.matches()) {
            SourceRow row = rows.get(Integer.parseInt(scenario.group(1)));
            return new RowProblem(row.file(), row.line(), scenario.group(2), scenario.group(3));
        }
        return problem(rows.get(0).file(), rows.get(0).line(), problem);
    }

    private static RowProblem problem(Path file, int line, String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? new RowProblem(file, line, "declaration", problem)
                : new RowProblem(file, line, problem.substring(0, colon), problem.substring(colon + 2));
    }

    private static void putText(ObjectNode node, String field, String text) {
        if (text != null) {
            node.put(field, text);
        }
    }

    private static String shown(String text) {
        return text == null ? "(empty)" : "'" + text + "'";
    }

    private static String value(SourceRow row, String column) {
        String text = row.fields().get(column);
        return text == null || text.isBlank() ? null : text.trim();
    }
}

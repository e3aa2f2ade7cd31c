package org.pharmamaturity.evaluation.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.IsoText;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonDocument;
import org.pharmamaturity.evaluation.model.Indicators;

/**
 * Reads a KPI snapshot document (DESIGN.md section 5 "kpis", defined by the JSON Schema {@value #SCHEMA}), reporting
 * every problem at once.
 */
public final class KpiSnapshotReader {

    /** The JSON Schema of KPI snapshot files, a resource of this module. */
    public static final String SCHEMA = "/json-schema/kpi-snapshot.schema.json";

    private static final JsonDocument<SnapshotFile> DOCUMENT = JsonDocument.of("kpis", SCHEMA, SnapshotFile.class);

    private KpiSnapshotReader() {
    }

    /** Reads {@code json}; {@code source} names it in messages. */
    public static KpiSnapshot read(String json, String source) {
        JsonNode root = Json.tree(json, problem -> new KpiSnapshotException(source, List.of(problem)));
        JsonNode readable = DOCUMENT.readable(root);
        List<JsonDocument.Problem> more = new ArrayList<>();
        IsoText.check(readable, List.of("asOf"), Instant::parse, "an ISO-8601 instant such as 2025-06-30T00:00:00Z")
                .ifPresent(more::add);
        SnapshotFile file = DOCUMENT.bind(readable);
        Map<String, KpiValue> values = new LinkedHashMap<>();
        file.values().forEach((indicator, value) -> {
            if (!Indicators.KNOWN.contains(indicator)) {
                more.add(JsonDocument.Problem.at(List.of("values", indicator), "unknown indicator; known indicators: "
                        + String.join(", ", Indicators.KNOWN.stream().sorted().toList())));
            }
            if (value.coverage() != null && (value.coverage() < 0 || value.coverage() > 1)) {
                more.add(new JsonDocument.Problem(List.of("values", indicator, "coverage"),
                        "values." + indicator + ": coverage " + value.coverage() + " is outside [0, 1]"));
            }
            if (value.value() != null && value.coverage() != null) {
                values.put(indicator, new KpiValue(value.value(), value.coverage(), value.window()));
            }
        });
        List<String> problems = DOCUMENT.problems(root, more);
        if (!problems.isEmpty()) {
            throw new KpiSnapshotException(source, problems);
        }
        return new KpiSnapshot(file.enterpriseId(), Instant.parse(file.asOf()), values);
    }

    /** The file as written; what the schema rejected is absent. */
    private record SnapshotFile(String enterpriseId, String asOf, Map<String, ValueFile> values) {

        SnapshotFile {
            values = values == null ? Map.of() : values;
        }
    }

    /** One indicator's entry as written. */
    private record ValueFile(Double value, Double coverage, String window) {
    }
}

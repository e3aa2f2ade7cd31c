package org.pharmamaturity.evaluation.kpi;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonFields;
import org.pharmamaturity.evaluation.model.Indicators;

/** Reads a KPI snapshot document (DESIGN.md section 5 "kpis"), reporting every problem at once. */
public final class KpiSnapshotReader {

    private KpiSnapshotReader() {
    }

    /** Reads {@code json}; {@code source} names it in messages. */
    public static KpiSnapshot read(String json, String source) {
        JsonNode root = Json.tree(json, problem -> new KpiSnapshotException(source, List.of(problem)));
        JsonFields fields = JsonFields.root(root, "kpis");
        String enterpriseId = fields.text("enterpriseId");
        String asOfText = fields.text("asOf");
        Instant asOf = null;
        if (asOfText != null) {
            try {
                asOf = Instant.parse(asOfText);
            } catch (DateTimeParseException e) {
                fields.problem("asOf: '" + asOfText + "' is not an ISO-8601 instant such as 2025-06-30T00:00:00Z");
            }
        }
        Map<String, KpiValue> values = new LinkedHashMap<>();
        fields.objectMembers("values").forEach((indicator, value) -> {
            if (!Indicators.KNOWN.contains(indicator)) {
                value.problem("unknown indicator; known indicators: "
                        + String.join(", ", Indicators.KNOWN.stream().sorted().toList()));
            }
            Double number = value.number("value");
            Double coverage = value.number("coverage");
            String window = value.optionalText("window");
            if (coverage != null && (coverage < 0 || coverage > 1)) {
                value.problem("coverage " + coverage + " is outside [0, 1]");
            }
            if (number != null && coverage != null) {
                values.put(indicator, new KpiValue(number, coverage, window));
            }
        });
        if (!fields.problems().isEmpty()) {
            throw new KpiSnapshotException(source, fields.problems());
        }
        return new KpiSnapshot(enterpriseId, asOf, values);
    }
}

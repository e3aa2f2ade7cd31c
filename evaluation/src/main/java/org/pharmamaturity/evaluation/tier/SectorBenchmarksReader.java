package org.pharmamaturity.evaluation.tier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.DataFileException;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonDocument;
import org.pharmamaturity.evaluation.model.Indicators;

/**
 * Reads a sector's indicator values (defined by the JSON Schema {@value #SCHEMA}: {@code {sector, values:
 * {<indicator>: [numbers]}}}, one number per enterprise of the sector in the region) into {@link SectorBenchmarks},
 * reporting every problem at once.
 */
public final class SectorBenchmarksReader {

    /** The JSON Schema of sector benchmark files, a resource of this module. */
    public static final String SCHEMA = "/json-schema/sector-benchmarks.schema.json";

    private static final String WHAT = "sector benchmarks";
    private static final JsonDocument<BenchmarksFile> DOCUMENT = JsonDocument.of(WHAT, SCHEMA, BenchmarksFile.class);

    private SectorBenchmarksReader() {
    }

    /** Reads {@code json}; {@code source} names the file in messages. */
    public static SectorBenchmarks read(String json, String source) {
        JsonNode root = Json.tree(json, problem -> new DataFileException(WHAT, source, List.of(problem)));
        BenchmarksFile file = DOCUMENT.bind(DOCUMENT.readable(root));
        List<JsonDocument.Problem> more = new ArrayList<>();
        file.values().forEach((indicator, numbers) -> {
            List<Object> at = List.of("values", indicator);
            if (!Indicators.KNOWN.contains(indicator)) {
                more.add(new JsonDocument.Problem(at, "values: " + indicator + ": unknown indicator; known indicators: "
                        + String.join(", ", Indicators.KNOWN.stream().sorted().toList())));
            }
            if (numbers.isEmpty()) {
                more.add(new JsonDocument.Problem(at, "values: " + indicator
                        + ": no value; give one number per enterprise of the sector"));
            }
        });
        List<String> problems = DOCUMENT.problems(root, more);
        if (!problems.isEmpty()) {
            throw new DataFileException(WHAT, source, problems);
        }
        return SectorBenchmarks.of(file.sector(), file.values());
    }

    /** The file as written; what the schema rejected is absent. */
    private record BenchmarksFile(String sector, Map<String, List<Double>> values) {

        BenchmarksFile {
            values = values == null ? Map.of() : new LinkedHashMap<>(values);
        }
    }
}

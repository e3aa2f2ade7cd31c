package org.pharmamaturity.evaluation.tier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.DataFileException;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonFields;
import org.pharmamaturity.evaluation.model.Indicators;

/**
 * Reads a sector's indicator values ({@code {sector, values: {<indicator>: [numbers]}}}, one number per enterprise of
 * the sector in the region) into {@link SectorBenchmarks}, reporting every problem at once.
 */
public final class SectorBenchmarksReader {

    private static final String WHAT = "sector benchmarks";

    private SectorBenchmarksReader() {
    }

    /** Reads {@code json}; {@code source} names the file in messages. */
    public static SectorBenchmarks read(String json, String source) {
        JsonNode root = Json.tree(json, problem -> new DataFileException(WHAT, source, List.of(problem)));
        JsonFields fields = JsonFields.root(root, WHAT);
        String sector = fields.text("sector");
        JsonFields values = fields.object("values");
        Map<String, List<Double>> byIndicator = new LinkedHashMap<>();
        if (values != null) {
            for (String indicator : values.names()) {
                if (!Indicators.KNOWN.contains(indicator)) {
                    values.problem(indicator + ": unknown indicator; known indicators: "
                            + String.join(", ", Indicators.KNOWN.stream().sorted().toList()));
                }
                List<Double> numbers = values.numbers(indicator);
                if (numbers != null && numbers.isEmpty()) {
                    values.problem(indicator + ": no value; give one number per enterprise of the sector");
                }
                byIndicator.put(indicator, numbers);
            }
        }
        if (!fields.problems().isEmpty()) {
            throw new DataFileException(WHAT, source, fields.problems());
        }
        return SectorBenchmarks.of(sector, byIndicator);
    }
}

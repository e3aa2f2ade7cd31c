package org.pharmamaturity.evaluation.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.DataFileException;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonFields;
import org.pharmamaturity.evaluation.json.ResourceText;
import org.pharmamaturity.evaluation.model.Comparison;

/**
 * Reads a scenario catalogue file into a validated {@link ScenarioCatalogue}; a scenario's tier link is its link's.
 * Unknown extra fields are ignored; every problem is reported in one {@link DataFileException}.
 */
public final class ScenarioCatalogueReader {

    /** The built-in 2025 catalogue (8 links, 40 scenarios). */
    public static final String BUILT_IN = "scenarios-2025";

    private static final String WHAT = "scenario catalogue";

    private ScenarioCatalogueReader() {
    }

    /** The built-in catalogue {@value #BUILT_IN}. */
    public static ScenarioCatalogue builtIn() {
        String resource = "/scenarios/" + BUILT_IN + ".json";
        return read(ResourceText.require(resource, WHAT), resource);
    }

    /** Reads and validates {@code json}; {@code source} names the file in messages. */
    public static ScenarioCatalogue read(String json, String source) {
        JsonNode root = Json.tree(json, problem -> new DataFileException(WHAT, source, List.of(problem)));
        JsonFields fields = JsonFields.root(root, "catalogue");
        String version = fields.text("catalogueVersion");
        String catalogueSource = fields.text("source");
        List<TierLink> tierLinks = fields.objects("tierLinks").stream()
                .map(f -> new TierLink(f.text("tierLink"), f.text("nameZh"), f.text("nameEn"))).toList();
        List<ScenarioLink> links = fields.objects("links").stream()
                .map(f -> new ScenarioLink(f.text("link"), f.text("nameZh"), f.text("nameEn"), f.text("tierLink"))).toList();
        Map<String, String> tierOfLink = new HashMap<>();
        links.forEach(link -> tierOfLink.put(link.link(), link.tierLink()));
        List<Scenario> scenarios = fields.objects("scenarios").stream()
                .map(f -> readScenario(f, tierOfLink, catalogueSource)).toList();
        if (!fields.problems().isEmpty()) {
            throw new DataFileException(WHAT, source, fields.problems());
        }
        try {
            return new ScenarioCatalogue(version, fields.optionalText("title"), fields.optionalText("description"),
                    catalogueSource, tierLinks, links, scenarios);
        } catch (DataFileException e) {
            throw e.from(source);
        }
    }

    private static Scenario readScenario(JsonFields fields, Map<String, String> tierOfLink, String catalogueSource) {
        String link = fields.text("link");
        List<JsonFields> indicatorFields = fields.optionalObjects("indicators");
        List<ScenarioIndicator> indicators = indicatorFields == null ? List.of()
                : indicatorFields.stream().map(ScenarioCatalogueReader::readIndicator).toList();
        String source = fields.optionalText("source");
        return new Scenario(fields.text("scenarioId"), link, tierOfLink.get(link), fields.text("nameZh"),
                fields.text("nameEn"), indicators, source == null ? catalogueSource : source);
    }

    private static ScenarioIndicator readIndicator(JsonFields fields) {
        String indicator = fields.text("indicator");
        Comparison comparator = fields.choice("comparator", Comparison.values(), Comparison::symbol);
        Double threshold = fields.number("threshold");
        Double minCoverage = fields.number("minCoverage");
        return new ScenarioIndicator(indicator, comparator, threshold == null ? 0 : threshold,
                minCoverage == null ? 0 : minCoverage, fields.optionalText("rationale"));
    }
}

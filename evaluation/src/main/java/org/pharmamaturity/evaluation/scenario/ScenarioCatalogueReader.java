package org.pharmamaturity.evaluation.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pharmamaturity.evaluation.json.DataFileReader;

/**
 * Reads a scenario catalogue file (defined by the JSON Schema {@value #SCHEMA}) into a validated
 * {@link ScenarioCatalogue}; a scenario's tier link is its link's, and its source the catalogue's unless it names
 * its own. Unknown extra fields are ignored; every problem is reported in one
 * {@link org.pharmamaturity.evaluation.json.DataFileException}.
 */
public final class ScenarioCatalogueReader {

    /** The built-in 2025 catalogue (8 links, 40 scenarios). */
    public static final String BUILT_IN = "scenarios-2025";
    /** The JSON Schema of scenario catalogue files, a resource of this module. */
    public static final String SCHEMA = "/json-schema/scenario-catalogue.schema.json";

    private static final DataFileReader<CatalogueFile, ScenarioCatalogue> READER = new DataFileReader<>(
            "scenario catalogue", "/scenarios/", SCHEMA, CatalogueFile.class, CatalogueFile::catalogue);

    private ScenarioCatalogueReader() {
    }

    /** The built-in catalogue {@value #BUILT_IN}. */
    public static ScenarioCatalogue builtIn() {
        return READER.builtIn(BUILT_IN);
    }

    /** Reads and validates {@code json}; {@code source} names the file in messages. */
    public static ScenarioCatalogue read(String json, String source) {
        return READER.read(json, source);
    }

    /** The file as written: its scenarios carry neither their tier link nor, mostly, a source of their own. */
    private record CatalogueFile(String catalogueVersion, String title, String description, String source,
                                 List<TierLink> tierLinks, List<ScenarioLink> links, List<ScenarioFile> scenarios) {

        ScenarioCatalogue catalogue() {
            Map<String, String> tierOfLink = new HashMap<>();
            links.forEach(link -> tierOfLink.put(link.link(), link.tierLink()));
            List<Scenario> complete = scenarios.stream().map(scenario -> new Scenario(scenario.scenarioId(),
                    scenario.link(), tierOfLink.get(scenario.link()), scenario.nameZh(), scenario.nameEn(),
                    scenario.indicators() == null ? List.of() : scenario.indicators(),
                    scenario.source() == null ? source : scenario.source())).toList();
            return new ScenarioCatalogue(catalogueVersion, title, description, source, tierLinks, links, complete);
        }
    }

    /** A scenario as written; {@code indicators} and {@code source} may be left out. */
    private record ScenarioFile(String scenarioId, String link, String nameZh, String nameEn,
                                List<ScenarioIndicator> indicators, String source) {
    }
}

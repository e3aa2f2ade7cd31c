package org.pharmamaturity.evaluation.scenario;

import java.util.List;
import java.util.Optional;

import org.pharmamaturity.evaluation.json.DataFileException;

/**
 * A versioned catalogue of typical scenarios (智能制造典型场景指引): the five tier links, the catalogue's links mapped
 * onto them, and the scenarios. Always valid: the constructor runs {@link ScenarioCatalogueValidator}.
 */
public record ScenarioCatalogue(String catalogueVersion, String title, String description, String source,
                                List<TierLink> tierLinks, List<ScenarioLink> links, List<Scenario> scenarios) {

    public ScenarioCatalogue {
        tierLinks = List.copyOf(tierLinks);
        links = List.copyOf(links);
        scenarios = List.copyOf(scenarios);
        List<String> problems = ScenarioCatalogueValidator.problems(catalogueVersion, tierLinks, links, scenarios);
        if (!problems.isEmpty()) {
            throw new DataFileException("scenario catalogue", "'" + catalogueVersion + "'", problems);
        }
    }

    /** The scenario with that id, if the catalogue has it. */
    public Optional<Scenario> scenario(String scenarioId) {
        return scenarios.stream().filter(s -> s.scenarioId().equals(scenarioId)).findFirst();
    }

    /** The tier link with that id, if the catalogue has it. */
    public Optional<TierLink> tierLink(String tierLinkId) {
        return tierLinks.stream().filter(t -> t.tierLink().equals(tierLinkId)).findFirst();
    }
}

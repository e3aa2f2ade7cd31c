package org.pharmamaturity.evaluation.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.pharmamaturity.evaluation.model.Indicators;

/** The checks of a scenario catalogue: unique ascii ids, known links and indicators, consistent tier links. */
final class ScenarioCatalogueValidator {

    private static final Pattern ASCII_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");

    private ScenarioCatalogueValidator() {
    }

    static List<String> problems(String version, List<TierLink> tierLinks, List<ScenarioLink> links,
                                 List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add("catalogueVersion: missing");
        }
        Set<String> tierIds = new HashSet<>();
        tierLinks.forEach(tierLink -> id(tierIds, tierLink.tierLink(), "tierLinks", problems));
        Map<String, String> tierOfLink = new HashMap<>();
        Set<String> linkIds = new HashSet<>();
        for (ScenarioLink link : links) {
            id(linkIds, link.link(), "links", problems);
            if (!tierIds.contains(link.tierLink())) {
                problems.add("links: '" + link.link() + "' counts for tier link '" + link.tierLink()
                        + "', which is not in tierLinks");
            }
            tierOfLink.put(link.link(), link.tierLink());
        }
        Set<String> scenarioIds = new HashSet<>();
        for (Scenario scenario : scenarios) {
            String id = scenario.scenarioId();
            id(scenarioIds, id, "scenarios", problems);
            if (!tierOfLink.containsKey(scenario.link())) {
                problems.add("scenario " + id + ": link '" + scenario.link() + "' is not in links");
            } else if (!tierOfLink.get(scenario.link()).equals(scenario.tierLink())) {
                problems.add("scenario " + id + ": tier link '" + scenario.tierLink() + "' differs from its link's '"
                        + tierOfLink.get(scenario.link()) + "'");
            }
            if (isBlank(scenario.nameZh()) || isBlank(scenario.nameEn())) {
                problems.add("scenario " + id + ": nameZh and nameEn are both needed");
            }
            scenario.indicators().forEach(indicator -> checkIndicator(id, indicator, problems));
        }
        return problems;
    }

    private static void checkIndicator(String scenarioId, ScenarioIndicator indicator, List<String> problems) {
        String where = "scenario " + scenarioId + ": indicator '" + indicator.indicator() + "'";
        if (!Indicators.KNOWN.contains(indicator.indicator())) {
            problems.add(where + " is unknown; known indicators: "
                    + String.join(", ", Indicators.KNOWN.stream().sorted().toList()));
        }
        if (indicator.comparator() == null) {
            problems.add(where + ": comparator is missing (<, <=, > or >=)");
        }
        if (!(indicator.minCoverage() >= 0 && indicator.minCoverage() <= 1)) {
            problems.add(where + ": minCoverage " + indicator.minCoverage() + " is outside [0, 1]");
        }
    }

    private static void id(Set<String> seen, String id, String where, List<String> problems) {
        if (isBlank(id) || !ASCII_ID.matcher(id).matches()) {
            problems.add(where + ": id '" + id + "' is not a lower-case ascii id such as production-operations.equipment-monitoring");
        } else if (!seen.add(id)) {
            problems.add(where + ": duplicate id '" + id + "'");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

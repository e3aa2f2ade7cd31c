package org.pharmamaturity.evaluation.scenario;

/** One of the eight links (环节) of the scenario catalogue, with the tier link it counts for. */
public record ScenarioLink(String link, String nameZh, String nameEn, String tierLink) {
}

package org.pharmamaturity.streams.scenario;

import java.util.List;

/**
 * One typical scenario of the catalogue as the pipeline needs it: its id, the catalogue link (环节, one of eight)
 * it belongs to, the tier link (one of the five of the tier conditions) it counts for, its names, and the
 * indicators that evidence it.
 */
public record CatalogueScenario(String scenarioId, String link, String tierLink, String nameZh, String nameEn,
        List<String> indicators) {

    public CatalogueScenario {
        indicators = List.copyOf(indicators);
    }
}

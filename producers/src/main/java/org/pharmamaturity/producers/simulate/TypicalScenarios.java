package org.pharmamaturity.producers.simulate;

import java.util.Comparator;
import java.util.List;

import org.pharmamaturity.evaluation.scenario.Scenario;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogueReader;

/**
 * The scenario ids the simulator declares: the 40 typical scenarios of the evaluation module's built-in catalogue
 * (scenarios-2025, 8 links), those of production operations (生产作业) first, then production management,
 * operations management, factory construction and R&D / design, so a plant that declares few scenarios declares
 * the ones of the shop floor and covers the basic tier's link first.
 */
final class TypicalScenarios {

    private static final ScenarioCatalogue CATALOGUE = ScenarioCatalogueReader.builtIn();
    /** The tier links in the order a plant usually digitises them. */
    private static final List<String> SHOP_FLOOR_FIRST = List.of("production-operations", "production-management",
            "operations-management", "factory-construction", "rnd-design");

    /** The catalogue version the ids belong to. */
    static final String CATALOGUE_VERSION = CATALOGUE.catalogueVersion();

    /** The ids, shop floor first (catalogue order within a tier link). */
    static final List<String> IDS = CATALOGUE.scenarios().stream()
            .sorted(Comparator.comparingInt((Scenario s) -> SHOP_FLOOR_FIRST.indexOf(s.tierLink())))
            .map(Scenario::scenarioId).toList();

    private TypicalScenarios() {
    }
}

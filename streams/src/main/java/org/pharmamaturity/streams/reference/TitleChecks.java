package org.pharmamaturity.streams.reference;

import java.util.List;

import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.schemas.title.TitleAwardRules;

/**
 * The checks a title award must pass before it counts: those of {@link TitleAwardRules} (shared with the ingest
 * CLI), a typical scenario's id in the catalogue in force, and the key that {@link Topic#titleKey} makes of the
 * record, so that a tombstone of that key revokes exactly this award.
 */
final class TitleChecks {

    private TitleChecks() {
    }

    static void check(String key, TitleAward award, ScenarioCatalogue catalogue, List<String> problems) {
        TitleAwardRules.problems(award).forEach(problem -> problems.add(problem.toString()));
        Title title = award.getTitle();
        String scenarioId = award.getScenarioId();
        if (title == Title.TYPICAL_SCENARIO && scenarioId != null && catalogue.scenario(scenarioId).isEmpty()) {
            problems.add("scenarioId: '" + scenarioId + "' is not a scenario of the catalogue "
                    + catalogue.catalogueVersion());
        }
        if (award.getEnterpriseId() != null && title != null) {
            String expected = Topic.titleKey(award.getEnterpriseId(), title.name(),
                    title == Title.TYPICAL_SCENARIO ? scenarioId : null);
            if (!key.equals(expected)) {
                problems.add("key: '" + key + "' differs from '" + expected + "' (enterpriseId|title"
                        + (title == Title.TYPICAL_SCENARIO ? "|scenarioId" : "") + ")");
            }
        }
    }
}

package org.pharmamaturity.streams.reference;

import java.util.List;

import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;

/**
 * The checks a title award must pass before it counts: a known title, a scenario id exactly when the title is a
 * typical scenario (and then one of the catalogue in force), an awarding body, a plausible year, and the key that
 * {@link Topic#titleKey} makes of the record, so that a tombstone of that key revokes exactly this award.
 */
final class TitleChecks {

    /** Years before the national smart-factory programmes began are a typing error, not an award. */
    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2100;

    private TitleChecks() {
    }

    static void check(String key, TitleAward award, ScenarioCatalogue catalogue, List<String> problems) {
        Title title = award.getTitle();
        String scenarioId = award.getScenarioId();
        ReferenceKind.requireText(award.getEnterpriseId(), "enterpriseId", problems);
        ReferenceKind.requireText(award.getAwardingBody(), "awardingBody", problems);
        if (title == Title.UNKNOWN) {
            problems.add("title is UNKNOWN (a title this pipeline does not know); use one of "
                    + List.of(Title.values()).subList(0, Title.values().length - 1));
        }
        if (title == Title.TYPICAL_SCENARIO) {
            if (scenarioId == null || scenarioId.isBlank()) {
                problems.add("a TYPICAL_SCENARIO award needs the scenarioId of its scenario");
            } else if (catalogue.scenario(scenarioId).isEmpty()) {
                problems.add("scenarioId '" + scenarioId + "' is not a scenario of the catalogue "
                        + catalogue.catalogueVersion());
            }
        } else if (scenarioId != null) {
            problems.add("scenarioId '" + scenarioId + "' is given, but only a TYPICAL_SCENARIO award names a scenario");
        }
        if (award.getYear() < FIRST_YEAR || award.getYear() > LAST_YEAR) {
            problems.add("year " + award.getYear() + " is not between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        if (award.getEnterpriseId() != null && title != null) {
            String expected = Topic.titleKey(award.getEnterpriseId(), title.name(),
                    title == Title.TYPICAL_SCENARIO ? scenarioId : null);
            if (!key.equals(expected)) {
                problems.add("the key '" + key + "' differs from '" + expected + "' (enterpriseId|title"
                        + (title == Title.TYPICAL_SCENARIO ? "|scenarioId" : "") + ")");
            }
        }
    }
}

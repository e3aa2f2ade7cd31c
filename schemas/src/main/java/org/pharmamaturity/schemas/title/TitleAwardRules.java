package org.pharmamaturity.schemas.title;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;

/**
 * The checks of a title award that need no scenario catalogue, shared by the ingest CLI and the pipeline (which
 * adds the catalogue and the ref.title key): enterpriseId and awardingBody present, a title this reader knows, a
 * scenarioId exactly for a TYPICAL_SCENARIO award, and a plausible year. Every problem is reported, never only the
 * first.
 */
public final class TitleAwardRules {

    /** The first year accepted: the national smart-factory programmes began in 2015, so earlier is a typing error. */
    public static final int FIRST_YEAR = 2015;
    /** The last year accepted. */
    public static final int LAST_YEAR = 2100;

    /** One problem with one field of an award. */
    public record Problem(String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private TitleAwardRules() {
    }

    /** Every problem of the award; empty when valid. */
    public static List<Problem> problems(TitleAward award) {
        List<Problem> problems = new ArrayList<>();
        requireText("enterpriseId", award.getEnterpriseId(), problems);
        requireText("awardingBody", award.getAwardingBody(), problems);
        Title title = award.getTitle();
        String scenarioId = award.getScenarioId();
        if (title == null || title == Title.UNKNOWN) {
            problems.add(new Problem("title", (title == null ? "missing" : "UNKNOWN (a title this reader does not know)")
                    + "; use one of " + Arrays.toString(Arrays.stream(Title.values()).filter(t -> t != Title.UNKNOWN)
                            .toArray())));
        } else if (title == Title.TYPICAL_SCENARIO && (scenarioId == null || scenarioId.isBlank())) {
            problems.add(new Problem("scenarioId", "a TYPICAL_SCENARIO award needs the scenarioId of its scenario"));
        } else if (title != Title.TYPICAL_SCENARIO && scenarioId != null) {
            problems.add(new Problem("scenarioId", "'" + scenarioId + "' is given, but only a TYPICAL_SCENARIO award"
                    + " names a scenario, not " + title));
        }
        if (award.getYear() < FIRST_YEAR || award.getYear() > LAST_YEAR) {
            problems.add(new Problem("year", award.getYear() + " is not a year from " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        return problems;
    }

    private static void requireText(String field, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "missing"));
        }
    }
}

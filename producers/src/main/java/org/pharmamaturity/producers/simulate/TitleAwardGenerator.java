package org.pharmamaturity.producers.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.schemas.title.TitleAwardRules;

/**
 * The titles a simulated enterprise holds, so the programme's "awarded" figures come alive: an enterprise truly at
 * level 4 or above is a pioneer enterprise and holds a typical-scenario title for the first scenario it declares
 * (production operations' first, which every declaration names); one truly at level 5 is also a benchmark smart
 * factory, for three years. Decided by the profile alone, without a random draw, so the rest of the simulation is
 * the same with or without titles.
 */
final class TitleAwardGenerator {

    static final String AWARDING_BODY = "上海市经济和信息化委员会";
    private static final int PIONEER_LEVEL = 4;
    private static final int BENCHMARK_LEVEL = 5;
    private static final int BENCHMARK_YEARS = 3;

    private TitleAwardGenerator() {
    }

    /** The enterprise's awards at {@code at}, each stamped with an id from {@code eventIds}. */
    static List<TitleAward> awards(SimulatedEnterprise enterprise, Supplier<String> eventIds, Instant at) {
        int level = enterprise.profile().trueLevel();
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        // the pipeline refuses years before the programmes began, whatever start a simulation is given
        int year = Math.max(TitleAwardRules.FIRST_YEAR, today.getYear());
        List<TitleAward> awards = new ArrayList<>();
        if (level >= PIONEER_LEVEL) {
            awards.add(award(enterprise, Title.PIONEER_ENTERPRISE, null, null, eventIds, at, year));
            awards.add(award(enterprise, Title.TYPICAL_SCENARIO, TypicalScenarios.IDS.get(0), null, eventIds, at, year));
        }
        if (level >= BENCHMARK_LEVEL) {
            awards.add(award(enterprise, Title.BENCHMARK_SMART_FACTORY, null, today.plusYears(BENCHMARK_YEARS),
                    eventIds, at, year));
        }
        return awards;
    }

    private static TitleAward award(SimulatedEnterprise enterprise, Title title, String scenarioId, LocalDate expiresOn,
            Supplier<String> eventIds, Instant at, int year) {
        return new TitleAward(eventIds.get(), at, enterprise.enterpriseId(), title, scenarioId, AWARDING_BODY, year,
                expiresOn);
    }
}

package org.pharmamaturity.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;

/** Which simulated enterprises hold titles: by true level alone (4: pioneer and one scenario; 5: also benchmark). */
class TitleAwardGeneratorTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private final PopulationGenerator population = new PopulationGenerator(3);
    private final AtomicInteger ids = new AtomicInteger();
    private final Supplier<String> eventIds = () -> "id-" + ids.incrementAndGet();

    @Test
    void aLevelFivePlantIsPioneerBenchmarkAndHoldsOneScenarioTitle() {
        SimulatedEnterprise plant = population.enterprise(1, Sector.C272, MaturityProfile.honest(5), 1);
        assertThat(TitleAwardGenerator.awards(plant, eventIds, START)).extracting(TitleAward::getTitle,
                TitleAward::getScenarioId, TitleAward::getExpiresOn, TitleAward::getYear).containsExactly(
                        tuple(Title.PIONEER_ENTERPRISE, null, null, 2026),
                        tuple(Title.TYPICAL_SCENARIO, TypicalScenarios.IDS.get(0), null, 2026),
                        // three years from 2026-03-01
                        tuple(Title.BENCHMARK_SMART_FACTORY, null, LocalDate.parse("2029-03-01"), 2026));
    }

    @Test
    void aLevelFourPlantIsPioneerOnlyAndALevelThreePlantHoldsNothing() {
        SimulatedEnterprise four = population.enterprise(1, Sector.C272, MaturityProfile.honest(4), 1);
        SimulatedEnterprise three = population.enterprise(2, Sector.C272, MaturityProfile.honest(3), 1);
        assertThat(TitleAwardGenerator.awards(four, eventIds, START)).extracting(TitleAward::getTitle)
                .containsExactly(Title.PIONEER_ENTERPRISE, Title.TYPICAL_SCENARIO);
        assertThat(TitleAwardGenerator.awards(three, eventIds, START)).isEmpty();
    }
}

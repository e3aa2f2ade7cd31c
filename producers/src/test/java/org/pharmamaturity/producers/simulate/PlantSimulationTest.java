package org.pharmamaturity.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.schemas.Topic;

/** The generator is deterministic and covers the population it promises; no Kafka involved. */
class PlantSimulationTest {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    static List<SimEvent<?>> firstEvents(long seed, int enterprises, int count) {
        PlantSimulation simulation = new PlantSimulation(new PopulationGenerator(seed).population(enterprises),
                ModelLoader.reference(), seed, START);
        List<SimEvent<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(simulation.next());
        }
        return events;
    }

    @Test
    void theSameSeedGivesTheSameRecords() {
        assertThat(firstEvents(7, 12, 20_000)).isEqualTo(firstEvents(7, 12, 20_000));
    }

    @Test
    void anotherSeedGivesOtherRecords() {
        List<SimEvent<?>> seven = firstEvents(7, 12, 2_000);
        List<SimEvent<?>> eight = firstEvents(8, 12, 2_000);
        assertThat(seven).isNotEqualTo(eight);
        // not only the event ids differ: the enterprises' names and equipment do too
        assertThat(seven.get(0).value()).isNotEqualTo(eight.get(0).value());
    }

    @Test
    void referenceDataAndOneAssessmentAndDeclarationPerEnterpriseComeFirst() {
        List<SimulatedEnterprise> population = new PopulationGenerator(3).population(10);
        int machines = population.stream().mapToInt(e -> e.equipment().size()).sum();
        // 10 enterprises + every machine + 10 self-assessments + 10 scenario declarations, all at the start time
        int referenceCount = 10 + machines + 10 + 10;
        List<SimEvent<?>> events = firstEvents(3, 10, referenceCount + 1);

        // each enterprise is followed by its machines
        assertThat(events.subList(0, 10 + machines)).filteredOn(e -> e.topic() == Topic.REF_ENTERPRISE).hasSize(10);
        assertThat(events.subList(0, 10 + machines)).filteredOn(e -> e.topic() == Topic.REF_EQUIPMENT).hasSize(machines);
        assertThat(events.subList(10 + machines, referenceCount)).filteredOn(
                e -> e.topic() == Topic.ASSESSMENT_SELF_SUBMITTED).hasSize(10);
        assertThat(events.subList(10 + machines, referenceCount)).filteredOn(
                e -> e.topic() == Topic.ASSESSMENT_SCENARIOS_DECLARED).hasSize(10);
        assertThat(events.subList(0, referenceCount)).allMatch(e -> e.eventTimeMs() == START.toEpochMilli());
        assertThat(events.get(referenceCount).topic()).isNotIn(Topic.REF_ENTERPRISE, Topic.REF_EQUIPMENT);
    }

    @Test
    void aGivenNumberOfSitesGivesEveryEnterpriseThatManySitesOfFourToNineMachines() {
        List<SimulatedEnterprise> population = new PopulationGenerator(5).population(6, 8);
        assertThat(population).allSatisfy(enterprise -> {
            assertThat(enterprise.siteIds()).hasSize(8);
            // 8 sites of 4 to 9 machines: 32 to 72
            assertThat(enterprise.equipment().size()).isBetween(32, 72);
        });
        assertThatThrownBy(() -> new PopulationGenerator(5).population(6, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPopulationOfNineOrMoreCoversEverySector() {
        Set<Sector> sectors = new PopulationGenerator(1).population(9).stream()
                .map(SimulatedEnterprise::sector).collect(Collectors.toSet());
        assertThat(sectors).containsExactlyInAnyOrder(Sector.values());
    }

    @Test
    void eventTimesNeverGoBackwards() {
        List<SimEvent<?>> events = firstEvents(5, 5, 20_000);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).eventTimeMs()).isGreaterThanOrEqualTo(events.get(i - 1).eventTimeMs());
        }
    }

    @Test
    void everyStreamTopicAppearsWithinTwoSimulatedDays() {
        PlantSimulation simulation = new PlantSimulation(new PopulationGenerator(11).population(12),
                ModelLoader.reference(), 11, START);
        long end = START.plusSeconds(2 * 86_400).toEpochMilli();
        Set<String> topics = new HashSet<>();
        for (SimEvent<?> event = simulation.next(); event.eventTimeMs() < end; event = simulation.next()) {
            topics.add(event.topic().name());
        }
        assertThat(topics).containsExactlyInAnyOrderElementsOf(
                InputTopics.ALL.stream().map(Topic::name).toList());
    }
}

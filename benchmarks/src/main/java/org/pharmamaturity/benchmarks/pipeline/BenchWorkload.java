package org.pharmamaturity.benchmarks.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.producers.simulate.PlantSimulation;
import org.pharmamaturity.producers.simulate.PopulationGenerator;
import org.pharmamaturity.producers.simulate.SimEvent;
import org.pharmamaturity.producers.simulate.SimulatedEnterprise;

/**
 * The fixed event mix of a benchmark: the simulator's reference data for a population (every enterprise and
 * machine), and the first N events that follow it (self-assessments, machine states and counts, telemetry,
 * batches, quality, energy, shipments and cold-chain readings), generated once before anything is timed.
 *
 * @param reference enterprise and equipment records, loaded before the backlog
 * @param backlog the events every timed run pushes
 * @param enterprises enterprises in the population
 * @param equipment machines in the population
 */
public record BenchWorkload(List<SimEvent<?>> reference, List<SimEvent<?>> backlog, int enterprises, int equipment) {

    /** Where the simulated events start; fixed so that every run sends the same records. */
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    /** The reference data of {@code enterprises} enterprises with {@code sites} sites each, then {@code events} events. */
    public static BenchWorkload generate(int enterprises, int sites, int events, long seed) {
        List<SimulatedEnterprise> population = new PopulationGenerator(seed).population(enterprises, sites);
        int machines = population.stream().mapToInt(enterprise -> enterprise.equipment().size()).sum();
        Iterator<SimEvent<?>> simulation = new PlantSimulation(population, ModelLoader.reference(), seed, START);
        // The simulation emits every enterprise and machine first, then the events.
        List<SimEvent<?>> reference = new ArrayList<>(enterprises + machines);
        for (int i = 0; i < enterprises + machines; i++) {
            reference.add(simulation.next());
        }
        List<SimEvent<?>> backlog = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            backlog.add(simulation.next());
        }
        return new BenchWorkload(List.copyOf(reference), List.copyOf(backlog), enterprises, machines);
    }

    /** The event time of the last backlog event: paced readings after it are on time for the pipeline. */
    public long lastEventTimeMs() {
        return backlog.stream().mapToLong(SimEvent::eventTimeMs).max().orElse(START.toEpochMilli());
    }
}

package org.pharmamaturity.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.producers.ProducersCli;
import org.pharmamaturity.producers.testing.TopicProbe;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.testing.EmbeddedStack;

/**
 * A restarted {@code simulate --progress-file} continues after the last record the previous run published: over
 * two runs each generated record reaches the topic exactly once, and nothing beyond the recorded progress does.
 */
@Tag("integration")
class SimulationResumeTest {

    /** A seed no other test uses, so the event ids on the shared broker are this test's. */
    private static final long SEED = 31;
    private static final int ENTERPRISES = 2;
    private static final Instant START = Instant.parse("2026-02-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aSecondRunContinuesWhereTheFirstStopped() {
        EmbeddedStack stack = EmbeddedStack.shared();
        Path progressFile = directory.resolve("simulator-progress.properties");

        assertThat(simulate(stack, progressFile, "--start=" + START)).isZero();
        long afterFirst = SimulationProgress.read(progressFile).orElseThrow().published();
        // The second run names no --start: the recorded one is kept, whatever the calendar says now.
        assertThat(simulate(stack, progressFile)).isZero();
        SimulationProgress afterSecond = SimulationProgress.read(progressFile).orElseThrow();

        assertThat(afterFirst).isPositive();
        assertThat(afterSecond.published()).isGreaterThan(afterFirst);
        assertThat(afterSecond.start()).isEqualTo(START);
        // The stream both runs published: the first afterSecond.published() records of the simulation, and the
        // 2,000 after them as the ones that must not be there yet.
        PlantSimulation simulation = new PlantSimulation(new PopulationGenerator(SEED).population(ENTERPRISES),
                ModelLoader.reference(), SEED, START);
        Set<String> published = new HashSet<>();
        Set<String> notYet = new HashSet<>();
        for (long i = 0; i < afterSecond.published() + 2_000; i++) {
            if (simulation.next().value() instanceof EquipmentStateChange state) {
                (i < afterSecond.published() ? published : notYet).add(state.getEventId());
            }
        }
        List<String> onTopic = new ArrayList<>();
        new TopicProbe(stack).values(Topic.FACTORY_EQUIPMENT_STATE.name(), EquipmentStateChange.class).forEach(state -> {
            if (published.contains(state.getEventId()) || notYet.contains(state.getEventId())) {
                onTopic.add(state.getEventId());
            }
        });

        assertThat(published).isNotEmpty();
        assertThat(notYet).isNotEmpty();
        // Each published state change once (a replay from the start would repeat the first run's), none beyond.
        assertThat(onTopic).containsExactlyInAnyOrderElementsOf(published);
    }

    private static int simulate(EmbeddedStack stack, Path progressFile, String... more) {
        List<String> args = new ArrayList<>(List.of("simulate", "--bootstrap-servers=" + stack.bootstrapServers(),
                "--schema-registry-url=" + stack.registryUrl(), "--seed=" + SEED, "--enterprises=" + ENTERPRISES,
                "--rate=400", "--duration=2s", "--progress-file=" + progressFile));
        args.addAll(List.of(more));
        return ProducersCli.commandLine().execute(args.toArray(String[]::new));
    }
}

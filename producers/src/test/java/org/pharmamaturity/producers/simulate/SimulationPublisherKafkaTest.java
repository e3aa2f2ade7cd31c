package org.pharmamaturity.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.ProgressLine;
import org.pharmamaturity.producers.RateLimiter;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.producers.TopicSetup;
import org.pharmamaturity.producers.testing.TopicProbe;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.testing.EmbeddedStack;

/** What the simulation generates is what lands on the topics, through the real broker and registry. */
@Tag("integration")
class SimulationPublisherKafkaTest {

    @Test
    void publishedRecordsAreTheGeneratedOnes() {
        EmbeddedStack stack = EmbeddedStack.shared();
        TopicProbe probe = new TopicProbe(stack);
        ProducerSettings settings = new ProducerSettings(stack.bootstrapServers(), stack.registryUrl(), Map.of());
        TopicSetup.ensure(settings, InputTopics.ALL);
        long seed = 2024;
        Instant start = Instant.parse("2026-02-01T00:00:00Z");
        long before = InputTopics.ALL.stream().map(Topic::name).mapToLong(probe::endOffsetSum).sum();
        String summary;
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        try (RecordPublisher publisher = new RecordPublisher(settings, Map.of())) {
            SimulationPublisher simulation = new SimulationPublisher(publisher, new RateLimiter(0),
                    new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8), false));
            summary = simulation.publish(new PlantSimulation(new PopulationGenerator(seed).population(4),
                    ModelLoader.reference(), seed, start), start.toEpochMilli(), 0, () -> publisher.sent() >= 3_000);
        }

        long after = InputTopics.ALL.stream().map(Topic::name).mapToLong(probe::endOffsetSum).sum();
        assertThat(after - before).isEqualTo(3_000);
        assertThat(summary).contains("3,000 events sent (3,000 acknowledged, 0 failed)");
        // the state changes on the topic from this run are exactly the generated ones
        Set<String> generated = new HashSet<>();
        PlantSimulation again = new PlantSimulation(new PopulationGenerator(seed).population(4),
                ModelLoader.reference(), seed, start);
        for (int i = 0; i < 3_000; i++) {
            SimEvent<?> event = again.next();
            if (event.value() instanceof EquipmentStateChange state) {
                generated.add(state.getEventId());
            }
        }
        List<String> published = probe.values(Topic.FACTORY_EQUIPMENT_STATE.name(), EquipmentStateChange.class)
                .stream().map(EquipmentStateChange::getEventId).filter(generated::contains).toList();
        assertThat(generated).isNotEmpty();
        assertThat(published).containsExactlyInAnyOrderElementsOf(generated);
    }
}

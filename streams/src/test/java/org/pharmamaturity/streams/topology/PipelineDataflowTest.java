package org.pharmamaturity.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogueReader;
import org.pharmamaturity.streams.config.TopologySettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.PipelineDriver;

/** The topology's description shows every store a processor reads, including the one another processor owns. */
class PipelineDataflowTest {

    private final TopologyDescription description = PipelineTopology.build(new TopologyDependencies(
            TopologySettings.DEFAULTS, new TopicSerdes(Map.of("schema.registry.url", "mock://dataflow")),
            ModelRegistry.builtIn(), PipelineDriver.REFERENCE_FOR_EVERY_TYPE,
            new ScenarioDeclarations(ScenarioCatalogueReader.builtIn()), new CountingPipelineMeters())).describe();

    @Test
    void theMaturityReadsTheRollingKpisThatKpiEnterpriseOwns() {
        TopologyDescription.Processor owner = processor("kpi-enterprise");
        TopologyDescription.Processor reader = processor("maturity-enterprise");

        assertThat(owner.stores()).contains(StoreNames.KPI_ENTERPRISE_ROLLING);
        assertThat(reader.stores()).contains(StoreNames.KPI_ENTERPRISE_ROLLING);
        assertThat(subtopologyOf("maturity-enterprise")).isEqualTo(subtopologyOf("kpi-enterprise"));
    }

    @Test
    void everyCrossProcessorReadIsConnected() {
        PipelineTopology.CROSS_PROCESSOR_READS.forEach((reader, stores) ->
                assertThat(processor(reader).stores()).as("stores of %s", reader).containsAll(stores));
    }

    private TopologyDescription.Processor processor(String name) {
        return description.subtopologies().stream().flatMap(subtopology -> subtopology.nodes().stream())
                .filter(node -> node.name().equals(name))
                .map(TopologyDescription.Processor.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no processor " + name));
    }

    private Optional<Integer> subtopologyOf(String name) {
        return description.subtopologies().stream()
                .filter(subtopology -> subtopology.nodes().stream().anyMatch(node -> node.name().equals(name)))
                .map(TopologyDescription.Subtopology::id).findFirst();
    }
}

package org.pharmamaturity.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.streams.Topology;
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

/** Every processor, store and internal topic has a name of ours, so state survives topology changes. */
class TopologyNamingTest {

    private static final List<String> TOPOLOGY_PREFIXES = List.of("validation-", "kpi-", "maturity-", "sector-",
            "programme-", "alerts-", "reference-");

    private final Topology topology = PipelineTopology.build(new TopologyDependencies(TopologySettings.DEFAULTS,
            new TopicSerdes(Map.of("schema.registry.url", "mock://naming")), ModelRegistry.builtIn(),
            PipelineDriver.REFERENCE_FOR_EVERY_TYPE, new ScenarioDeclarations(ScenarioCatalogueReader.builtIn()),
            new CountingPipelineMeters()));

    @Test
    void noNameIsGenerated() {
        String description = topology.describe().toString();
        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    @Test
    void everyNodeIsNamedAfterItsTopology() {
        for (TopologyDescription.Node node : nodes()) {
            assertThat(TOPOLOGY_PREFIXES).as("prefix of %s", node.name()).anyMatch(node.name()::startsWith);
        }
    }

    @Test
    void everyNodeOfTheReferenceAuditIsNamed() {
        Topology audit = ReferenceAuditTopology.build(new TopologyDependencies(TopologySettings.DEFAULTS,
                new TopicSerdes(Map.of("schema.registry.url", "mock://naming")), ModelRegistry.builtIn(),
                PipelineDriver.REFERENCE_FOR_EVERY_TYPE, new ScenarioDeclarations(ScenarioCatalogueReader.builtIn()),
            new CountingPipelineMeters()));
        List<String> names = new ArrayList<>();
        audit.describe().subtopologies().forEach(subtopology -> subtopology.nodes().forEach(node -> names.add(node.name())));
        assertThat(names).containsExactlyInAnyOrder("reference-audit-enterprise-source",
                "reference-audit-enterprise-check", "reference-audit-enterprise-dlq", "reference-audit-equipment-source",
                "reference-audit-equipment-check", "reference-audit-equipment-dlq", "reference-audit-title-source",
                "reference-audit-title-check", "reference-audit-title-dlq");
    }

    @Test
    void theQueryableStoresHaveTheirPublishedNames() {
        TreeSet<String> stores = new TreeSet<>();
        nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Processor processor) {
                stores.addAll(processor.stores());
            }
        });
        assertThat(stores).contains(StoreNames.KPI_ENTERPRISE_DAILY, StoreNames.KPI_ENTERPRISE_ROLLING,
                StoreNames.KPI_COLDCHAIN_UNITS, StoreNames.MATURITY_ENTERPRISE_LATEST,
                StoreNames.MATURITY_ENTERPRISE_HISTORY, StoreNames.MATURITY_SCENARIO_DECLARATIONS,
                StoreNames.MATURITY_SECTOR, StoreNames.MATURITY_PROGRAMME, StoreNames.REF_ENTERPRISE,
                StoreNames.REF_EQUIPMENT, StoreNames.SECTOR_BENCHMARKS, StoreNames.MATURITY_BENCHMARKS_USED);
    }

    private List<TopologyDescription.Node> nodes() {
        List<TopologyDescription.Node> nodes = new ArrayList<>();
        TopologyDescription description = topology.describe();
        description.subtopologies().forEach(subtopology -> nodes.addAll(subtopology.nodes()));
        description.globalStores().forEach(store -> {
            nodes.add(store.source());
            nodes.add(store.processor());
        });
        return nodes;
    }
}

package org.pharmamaturity.streams.topology;

import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * The whole pipeline as one topology, the one the service runs and the tests drive: reference data, validation
 * and dead letters, equipment OEE, cold chain, enterprise KPIs, enterprise maturity (with each enterprise's latest
 * scenario declaration, store {@code maturity-scenario-declarations}), sector maturity (read back into the global
 * store {@code sector-benchmarks}, which the enterprise maturity judges the tiers' key-indicator gates against),
 * the programme's progress (with ref.title) and alerts.
 * Data flows one way: inputs, validation, KPIs, maturity, sector; every processor is named
 * {@code <topology>-<step>} and every store and internal topic has a fixed name (see
 * {@link StoreNames}). Each topology connects the stores its processors own; the reads across topologies are
 * connected here, in {@link #CROSS_PROCESSOR_READS}, so this class shows every store a processor reads. Global stores
 * (reference data, {@code sector-benchmarks}) are readable by every processor and need no connection.
 */
public final class PipelineTopology {

    /**
     * Stores a processor reads although a processor of another topology owns (writes) them, by reading processor.
     * A store shared this way puts both processors in one sub-topology: the reader sees the owner's writes at once.
     */
    static final Map<String, List<String>> CROSS_PROCESSOR_READS = Map.of(
            // The enterprise maturity weighs each self-assessment against the rolling 30-day KPIs that
            // kpi-enterprise keeps (evidence rules), when either changes.
            MaturityTopology.PROCESSOR, List.of(StoreNames.KPI_ENTERPRISE_ROLLING));

    private PipelineTopology() {
    }

    /** Builds the topology. */
    public static Topology build(TopologyDependencies dependencies) {
        StreamsBuilder builder = new StreamsBuilder();
        ValidatedInputs inputs = ValidationTopology.add(builder, dependencies);
        KStream<String, EnterpriseFact> equipmentFacts = EquipmentKpiTopology.add(builder, inputs, dependencies);
        ColdChainTopology.Outputs coldChain = ColdChainTopology.add(builder, inputs, dependencies);
        EnterpriseKpiTopology.Outputs enterprise = EnterpriseKpiTopology.add(builder, inputs, equipmentFacts,
                coldChain.facts(), dependencies);
        KStream<String, MaturityUpdate> updates = MaturityTopology.add(builder, enterprise.rolling(),
                inputs.assessments(), inputs.scenarioDeclarations(), dependencies);
        SectorTopology.add(builder, updates, dependencies);
        ProgrammeTopology.add(builder, updates, dependencies);
        AlertsTopology.add(builder, updates, coldChain.alerts(), enterprise.facts(), dependencies);
        Topology topology = builder.build();
        CROSS_PROCESSOR_READS.forEach((processor, stores) ->
                topology.connectProcessorAndStateStores(processor, stores.toArray(String[]::new)));
        ReferenceDataTopology.add(topology, dependencies);
        SectorTopology.addBenchmarks(topology, dependencies);
        return topology;
    }
}

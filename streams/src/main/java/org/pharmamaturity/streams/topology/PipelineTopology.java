package org.pharmamaturity.streams.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * The whole pipeline as one topology, the one the service runs and the tests drive: reference data, validation
 * and dead letters, equipment OEE, cold chain, enterprise KPIs, enterprise maturity (with each enterprise's latest
 * scenario declaration, store {@code maturity-scenario-declarations}), sector maturity (read back into the global
 * store {@code sector-benchmarks}, which the enterprise maturity judges the tiers' key-indicator gates against),
 * the programme's progress (with ref.title) and alerts.
 * Data flows one way: inputs, validation, KPIs, maturity, sector; every processor is named
 * {@code <topology>-<step>} and every store and internal topic has a fixed name (see
 * {@link org.pharmamaturity.streams.state.StoreNames}).
 */
public final class PipelineTopology {

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
        ReferenceDataTopology.add(topology, dependencies);
        SectorTopology.addBenchmarks(topology, dependencies);
        return topology;
    }
}

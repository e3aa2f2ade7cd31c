package org.pharmamaturity.streams.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.streams.maturity.MaturityProcessor;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.maturity.Scorers;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * Produces maturity.enterprise: assessments and scenario declarations are repartitioned by enterpriseId
 * ({@code maturity-assessments}, {@code maturity-scenario-declarations}) so they meet the rolling KPIs in
 * {@code maturity-enterprise} ({@link MaturityProcessor}; stores {@code maturity-assessments},
 * {@code maturity-scenario-declarations} (each enterprise's latest declaration), {@code maturity-model-fingerprints},
 * {@code maturity-benchmarks-used}, and the queryable {@code maturity-enterprise-latest} and
 * {@code maturity-enterprise-history}; it also reads {@code kpi-enterprise-rolling}, connected in
 * {@link PipelineTopology}, and the global {@code sector-benchmarks} of {@link SectorTopology}). A new declaration re-scores its enterprise.
 */
public final class MaturityTopology {

    /** The processor that scores enterprises; {@link PipelineTopology} connects the stores it reads from others. */
    static final String PROCESSOR = "maturity-enterprise";

    private MaturityTopology() {
    }

    /** Adds the enterprise maturity; returns every published result with the one it replaced. */
    public static KStream<String, MaturityUpdate> add(StreamsBuilder builder, KStream<String, EnterpriseKpi> rolling,
            KStream<String, SelfAssessmentSubmission> assessments, KStream<String, ScenarioDeclaration> declarations,
            TopologyDependencies dependencies) {
        KStream<String, SpecificRecord> byEnterprise = byEnterprise(assessments, StoreNames.MATURITY_ASSESSMENTS,
                SelfAssessmentSubmission.class, dependencies);
        KStream<String, SpecificRecord> declarationsByEnterprise = byEnterprise(declarations,
                StoreNames.MATURITY_SCENARIO_DECLARATIONS, ScenarioDeclaration.class, dependencies);
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_ASSESSMENTS, SelfAssessmentSubmission.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_SCENARIO_DECLARATIONS,
                ScenarioDeclaration.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_ENTERPRISE_LATEST, EnterpriseMaturity.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_ENTERPRISE_HISTORY, EnterpriseMaturity.class));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.MATURITY_MODEL_FINGERPRINTS),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.MATURITY_BENCHMARKS_USED),
                Serdes.String(), Serdes.String()));
        Scorers scorers = new Scorers(dependencies.models());
        KStream<String, MaturityUpdate> updates = KeyValueStores.<String, SpecificRecord>widen(rolling)
                .merge(byEnterprise, Named.as("maturity-inputs"))
                .merge(declarationsByEnterprise, Named.as("maturity-inputs-declarations"))
                .process(() -> new MaturityProcessor(scorers, dependencies.modelChoice(),
                                dependencies.settings().checkInterval()),
                        Named.as(PROCESSOR), StoreNames.MATURITY_ASSESSMENTS,
                        StoreNames.MATURITY_SCENARIO_DECLARATIONS,
                        StoreNames.MATURITY_ENTERPRISE_LATEST, StoreNames.MATURITY_ENTERPRISE_HISTORY,
                        StoreNames.MATURITY_MODEL_FINGERPRINTS, StoreNames.MATURITY_BENCHMARKS_USED);
        updates.mapValues(MaturityUpdate::current, Named.as("maturity-enterprise-record"))
                .to(Topic.MATURITY_ENTERPRISE.name(), Produced.<String, EnterpriseMaturity>with(Serdes.String(),
                        dependencies.serdes().valueSerde(Topic.MATURITY_ENTERPRISE)).withName("maturity-enterprise-sink"));
        return updates;
    }

    /** The stream repartitioned by its (enterpriseId) key into the pipeline's partition count, as {@code name}. */
    private static <V extends SpecificRecord> KStream<String, SpecificRecord> byEnterprise(KStream<String, V> stream,
            String name, Class<V> type, TopologyDependencies dependencies) {
        return KeyValueStores.widen(stream.repartition(Repartitioned.<String, V>as(name)
                .withKeySerde(Serdes.String()).withValueSerde(StateSerde.of(type))
                .withNumberOfPartitions(dependencies.settings().partitions())));
    }
}

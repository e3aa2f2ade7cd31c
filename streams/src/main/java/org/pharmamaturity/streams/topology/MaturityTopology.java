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
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.streams.maturity.MaturityProcessor;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.maturity.Scorers;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * Produces maturity.enterprise: assessments are repartitioned by enterpriseId ({@code maturity-assessments}) so
 * they meet the rolling KPIs in {@code maturity-enterprise} ({@link MaturityProcessor}; stores
 * {@code maturity-assessments}, {@code maturity-model-fingerprints}, and the queryable
 * {@code maturity-enterprise-latest} and {@code maturity-enterprise-history}; it reads
 * {@code kpi-enterprise-rolling}).
 */
public final class MaturityTopology {

    private MaturityTopology() {
    }

    /** Adds the enterprise maturity; returns every published result with the one it replaced. */
    public static KStream<String, MaturityUpdate> add(StreamsBuilder builder, KStream<String, EnterpriseKpi> rolling,
            KStream<String, SelfAssessmentSubmission> assessments, TopologyDependencies dependencies) {
        KStream<String, SpecificRecord> byEnterprise = KeyValueStores.widen(assessments.repartition(
                Repartitioned.<String, SelfAssessmentSubmission>as("maturity-assessments").withKeySerde(Serdes.String())
                        .withValueSerde(StateSerde.of(SelfAssessmentSubmission.class))
                        .withNumberOfPartitions(dependencies.settings().partitions())));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_ASSESSMENTS, SelfAssessmentSubmission.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_ENTERPRISE_LATEST, EnterpriseMaturity.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_ENTERPRISE_HISTORY, EnterpriseMaturity.class));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.MATURITY_MODEL_FINGERPRINTS),
                Serdes.String(), Serdes.String()));
        Scorers scorers = new Scorers(dependencies.models());
        KStream<String, MaturityUpdate> updates = KeyValueStores.<String, SpecificRecord>widen(rolling)
                .merge(byEnterprise, Named.as("maturity-inputs"))
                .process(() -> new MaturityProcessor(scorers, dependencies.settings().checkInterval()),
                        Named.as("maturity-enterprise"), StoreNames.MATURITY_ASSESSMENTS,
                        StoreNames.MATURITY_ENTERPRISE_LATEST, StoreNames.MATURITY_ENTERPRISE_HISTORY,
                        StoreNames.MATURITY_MODEL_FINGERPRINTS, StoreNames.KPI_ENTERPRISE_ROLLING);
        updates.mapValues(MaturityUpdate::current, Named.as("maturity-enterprise-record"))
                .to(Topic.MATURITY_ENTERPRISE.name(), Produced.<String, EnterpriseMaturity>with(Serdes.String(),
                        dependencies.serdes().valueSerde(Topic.MATURITY_ENTERPRISE)).withName("maturity-enterprise-sink"));
        return updates;
    }
}

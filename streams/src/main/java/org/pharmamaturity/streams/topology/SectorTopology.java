package org.pharmamaturity.streams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.sector.SectorBenchmarksUpdater;
import org.pharmamaturity.streams.sector.SectorRecords;
import org.pharmamaturity.streams.sector.SectorStatisticsProcessor;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.SectorContribution;
import org.pharmamaturity.streams.state.avro.SectorMemberChange;

/**
 * Produces maturity.sector: each published enterprise result becomes member changes keyed by group
 * ({@code sector-member-changes}: join every group of its sector and district, {@link
 * org.pharmamaturity.streams.sector.GroupKey}: the GB/T 4754 code, its division, the district, the code within the
 * district and {@link StoreNames#ALL_SECTORS}; leave the groups of its previous result it left), repartitioned by
 * group ({@code sector-members-by-sector}), and
 * {@code sector-statistics} ({@link SectorStatisticsProcessor}; stores {@code sector-members} and, unless results
 * are published on every change, {@code sector-pending}) publishes the statistics of the changed sectors to
 * maturity.sector and keeps them in the queryable stores {@code maturity-sector} and {@code group-history} (one point
 * per group and UTC day) (written by the processor itself:
 * a table built from its output would need a repartition topic, as a processor may change keys). The global store
 * {@code sector-benchmarks} ({@link #addBenchmarks}) reads maturity.sector back, so the maturity processor of every
 * instance sees every sector's key-indicator benchmarks.
 *
 * <p>Why not a KTable aggregate per sector: its value would be the whole member set, copied, serialized and
 * logged on every enterprise result; with 1,000 enterprises in {@code ALL} that cost a third of the pipeline.
 */
public final class SectorTopology {

    private SectorTopology() {
    }

    /**
     * Adds the global store {@code sector-benchmarks} over maturity.sector (source {@code sector-benchmarks-source},
     * processor {@code sector-benchmarks-update}) to the built topology: a global store is added to the
     * {@link Topology} so that its source and processor get names of ours.
     */
    public static void addBenchmarks(Topology topology, TopologyDependencies dependencies) {
        topology.addGlobalStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(StoreNames.SECTOR_BENCHMARKS), Serdes.String(),
                        StateSerde.of(SectorMaturity.class)).withLoggingDisabled(),
                "sector-benchmarks-source", new StringDeserializer(), new ByteArrayDeserializer(),
                Topic.MATURITY_SECTOR.name(), "sector-benchmarks-update",
                () -> new SectorBenchmarksUpdater(dependencies.serdes()));
    }

    /** Adds the sector maturity, fed by the published enterprise results. */
    public static void add(StreamsBuilder builder, KStream<String, MaturityUpdate> updates,
            TopologyDependencies dependencies) {
        builder.addStateStore(KeyValueStores.persistent(StoreNames.SECTOR_MEMBERS, SectorContribution.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_SECTOR, SectorMaturity.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.GROUP_HISTORY, SectorMaturity.class));
        List<String> stores = new ArrayList<>(List.of(StoreNames.SECTOR_MEMBERS, StoreNames.MATURITY_SECTOR,
                StoreNames.GROUP_HISTORY));
        Duration publishInterval = dependencies.settings().publishInterval();
        if (!publishInterval.isZero()) {
            builder.addStateStore(KeyValueStores.cachedTimes(StoreNames.SECTOR_PENDING));
            stores.add(StoreNames.SECTOR_PENDING);
        }
        updates
                .flatMap((enterpriseId, update) -> SectorRecords.changes(update), Named.as("sector-member-changes"))
                .repartition(Repartitioned.<String, SectorMemberChange>as("sector-members-by-sector")
                        .withKeySerde(Serdes.String()).withValueSerde(StateSerde.of(SectorMemberChange.class))
                        .withNumberOfPartitions(dependencies.settings().partitions()))
                .process(() -> new SectorStatisticsProcessor(publishInterval,
                        dependencies.settings().groupHistoryRetention()), Named.as("sector-statistics"),
                        stores.toArray(String[]::new))
                .to(Topic.MATURITY_SECTOR.name(), Produced.with(Serdes.String(),
                        dependencies.serdes().valueSerde(Topic.MATURITY_SECTOR)).withName("sector-sink"));
    }
}

package org.pharmamaturity.streams.topology;

import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.sector.SectorRecords;
import org.pharmamaturity.streams.sector.SectorStatisticsProcessor;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.SectorContribution;
import org.pharmamaturity.streams.state.avro.SectorMemberSet;

/**
 * Produces maturity.sector: each enterprise's latest contribution ({@code sector-contributions}, a table keyed by
 * enterpriseId) is grouped by its GB/T 4754 code ({@code sector-by-code}, store {@code sector-members}) and into
 * {@link StoreNames#ALL_SECTORS} ({@code sector-all}, store {@code sector-members-all}) with an adder and a
 * subtractor, so an enterprise's new result replaces its old contribution and an enterprise that moves sector
 * leaves the old one. The statistics of both ({@code sector-statistics-*}) go to maturity.sector and to the
 * queryable store {@code maturity-sector}.
 */
public final class SectorTopology {

    private SectorTopology() {
    }

    /** Adds the sector maturity, fed by the published enterprise results. */
    public static void add(StreamsBuilder builder, KStream<String, MaturityUpdate> updates,
            TopologyDependencies dependencies) {
        StateSerde<SectorContribution> contributionSerde = StateSerde.of(SectorContribution.class);
        KTable<String, SectorContribution> contributions = updates
                .mapValues(MaturityUpdate::contribution, Named.as("sector-contribution"))
                .toTable(Named.as("sector-contributions-table"),
                        Materialized.<String, SectorContribution, KeyValueStore<Bytes, byte[]>>as(StoreNames.SECTOR_CONTRIBUTIONS)
                                .withKeySerde(Serdes.String()).withValueSerde(contributionSerde));
        KStream<String, SectorMaturity> bySector = statistics(contributions, SectorContribution::getSector,
                "sector-by-code", StoreNames.SECTOR_MEMBERS, contributionSerde);
        KStream<String, SectorMaturity> all = statistics(contributions, contribution -> StoreNames.ALL_SECTORS,
                "sector-all", StoreNames.SECTOR_MEMBERS_ALL, contributionSerde);
        KStream<String, SectorMaturity> results = bySector.merge(all, Named.as("sector-results"));
        results.to(Topic.MATURITY_SECTOR.name(), Produced.with(Serdes.String(),
                dependencies.serdes().valueSerde(Topic.MATURITY_SECTOR)).withName("sector-sink"));
        results.toTable(Named.as("sector-results-table"),
                Materialized.<String, SectorMaturity, KeyValueStore<Bytes, byte[]>>as(StoreNames.MATURITY_SECTOR)
                        .withKeySerde(Serdes.String()).withValueSerde(StateSerde.of(SectorMaturity.class)));
    }

    private static KStream<String, SectorMaturity> statistics(KTable<String, SectorContribution> contributions,
            Function<SectorContribution, String> group, String name, String storeName,
            StateSerde<SectorContribution> contributionSerde) {
        return contributions
                .groupBy((enterpriseId, contribution) -> KeyValue.pair(group.apply(contribution), contribution),
                        Grouped.with(name, Serdes.String(), contributionSerde))
                .aggregate(SectorRecords::empty,
                        (sector, contribution, members) -> SectorRecords.add(members, contribution),
                        (sector, contribution, members) -> SectorRecords.remove(members, contribution),
                        Named.as(name + "-aggregate"),
                        Materialized.<String, SectorMemberSet, KeyValueStore<Bytes, byte[]>>as(storeName)
                                .withKeySerde(Serdes.String()).withValueSerde(StateSerde.of(SectorMemberSet.class)))
                .toStream(Named.as(name + "-changes"))
                .processValues(SectorStatisticsProcessor::new, Named.as("sector-statistics-" + name));
    }
}

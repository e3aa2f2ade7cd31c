package org.pharmamaturity.streams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.programme.ProgrammeProgressProcessor;
import org.pharmamaturity.streams.programme.ProgrammeRecords;
import org.pharmamaturity.streams.programme.ProgrammeTitleProcessor;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ProgrammeChange;
import org.pharmamaturity.streams.state.avro.ProgrammeMember;
import org.pharmamaturity.streams.state.avro.ProgrammeTitle;

/**
 * Produces maturity.programme, the programme's progress toward its targets, built like the sector statistics:
 * each published enterprise result becomes a member change ({@code programme-member-changes}) and each ref.title
 * record a title change (source {@code programme-title-source}, {@code programme-title-changes}: the
 * {@link ProgrammeTitleProcessor}; the reference audit dead-letters the records it skips); both are keyed by the
 * programme's id, merged ({@code programme-changes}) and repartitioned to that one key
 * ({@code programme-changes-by-programme}), and {@code programme-progress} ({@link ProgrammeProgressProcessor};
 * stores {@code programme-members}, {@code programme-titles}, {@code maturity-programme} and, unless results are
 * published on every change, {@code programme-pending}) publishes to maturity.programme ({@code programme-sink})
 * and keeps the queryable store. ref.title is read by this stream and not by a global store: a title change must
 * trigger a publication, which a global store's update cannot.
 */
public final class ProgrammeTopology {

    private ProgrammeTopology() {
    }

    /** Adds the programme's progress, fed by the published enterprise results and ref.title. */
    public static void add(StreamsBuilder builder, KStream<String, MaturityUpdate> updates,
            TopologyDependencies dependencies) {
        builder.addStateStore(KeyValueStores.persistent(StoreNames.PROGRAMME_MEMBERS, ProgrammeMember.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.PROGRAMME_TITLES, ProgrammeTitle.class));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.MATURITY_PROGRAMME, ProgrammeProgress.class));
        List<String> stores = new ArrayList<>(List.of(StoreNames.PROGRAMME_MEMBERS, StoreNames.PROGRAMME_TITLES,
                StoreNames.MATURITY_PROGRAMME));
        Duration publishInterval = dependencies.settings().publishInterval();
        if (!publishInterval.isZero()) {
            builder.addStateStore(KeyValueStores.cachedTimes(StoreNames.PROGRAMME_PENDING));
            stores.add(StoreNames.PROGRAMME_PENDING);
        }
        KStream<String, ProgrammeChange> members = updates.map((enterpriseId, update) ->
                ProgrammeRecords.memberChange(update), Named.as("programme-member-changes"));
        KStream<String, ProgrammeChange> titles = builder
                .stream(Topic.REF_TITLE.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("programme-title-source"))
                .process(() -> new ProgrammeTitleProcessor(ReferenceAuditTopology.titles(dependencies)),
                        Named.as("programme-title-changes"));
        members.merge(titles, Named.as("programme-changes"))
                .repartition(Repartitioned.<String, ProgrammeChange>as("programme-changes-by-programme")
                        .withKeySerde(Serdes.String()).withValueSerde(StateSerde.of(ProgrammeChange.class))
                        .withNumberOfPartitions(dependencies.settings().partitions()))
                .process(() -> new ProgrammeProgressProcessor(publishInterval, dependencies.settings().checkInterval(),
                        dependencies.settings().programmeTargets()), Named.as("programme-progress"),
                        stores.toArray(String[]::new))
                .to(Topic.MATURITY_PROGRAMME.name(), Produced.with(Serdes.String(),
                        dependencies.serdes().valueSerde(Topic.MATURITY_PROGRAMME)).withName("programme-sink"));
    }
}

package org.pharmamaturity.streams.topology;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.streams.dlq.LateDeadLetters;
import org.pharmamaturity.streams.kpi.EquipmentDayResult;
import org.pharmamaturity.streams.kpi.EquipmentKpiProcessor;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.EquipmentTrack;

/**
 * Produces kpi.equipment.daily (OEE and its factors per equipment and UTC day) and the equipment facts of the
 * enterprise KPIs. State changes and production counts are each repartitioned by equipmentId
 * ({@code kpi-equipment-states}, {@code kpi-equipment-counts}) before they meet in {@code kpi-equipment}
 * ({@link EquipmentKpiProcessor}, store {@code kpi-equipment-tracks}): the two input topics may be written by
 * clients with different partitioners, and the repartition makes sure one task sees all of an equipment's data.
 * Inputs that came after their day closed go to maturity.dlq as LATE ({@code kpi-equipment-late},
 * {@code kpi-equipment-dlq}).
 */
public final class EquipmentKpiTopology {

    private EquipmentKpiTopology() {
    }

    /** Adds the equipment KPIs; returns the facts for the enterprise KPIs, keyed by enterpriseId. */
    public static KStream<String, EnterpriseFact> add(StreamsBuilder builder, ValidatedInputs inputs,
            TopologyDependencies dependencies) {
        int partitions = dependencies.settings().partitions();
        KStream<String, SpecificRecord> states = KeyValueStores.widen(inputs.equipmentStates().repartition(
                Repartitioned.<String, EquipmentStateChange>as("kpi-equipment-states").withKeySerde(Serdes.String())
                        .withValueSerde(StateSerde.of(EquipmentStateChange.class)).withNumberOfPartitions(partitions)));
        KStream<String, SpecificRecord> counts = KeyValueStores.widen(inputs.productionCounts().repartition(
                Repartitioned.<String, ProductionCount>as("kpi-equipment-counts").withKeySerde(Serdes.String())
                        .withValueSerde(StateSerde.of(ProductionCount.class)).withNumberOfPartitions(partitions)));
        builder.addStateStore(KeyValueStores.persistent(StoreNames.KPI_EQUIPMENT_TRACKS, EquipmentTrack.class));
        builder.addStateStore(KeyValueStores.cachedTimes(StoreNames.KPI_EQUIPMENT_EVENT_TIME));
        Map<String, KStream<String, EquipmentDayResult>> branches = states.merge(counts, Named.as("kpi-equipment-inputs"))
                .process(() -> new EquipmentKpiProcessor(dependencies.settings().grace(),
                        dependencies.settings().closeMargin(), new LateDeadLetters(EquipmentKpiProcessor.STAGE,
                                dependencies.serdes(), dependencies.meters())),
                        Named.as(EquipmentKpiProcessor.STAGE), StoreNames.KPI_EQUIPMENT_TRACKS,
                        StoreNames.KPI_EQUIPMENT_EVENT_TIME)
                .split(Named.as("kpi-equipment-"))
                .branch((key, result) -> result.isLate(), Branched.as("late"))
                .defaultBranch(Branched.as("day"));
        DeadLetterSinks.lateRecords(branches.get("kpi-equipment-late").mapValues(EquipmentDayResult::late,
                Named.as("kpi-equipment-late-record")), EquipmentKpiProcessor.STAGE, dependencies);
        KStream<String, EquipmentDayResult> results = branches.get("kpi-equipment-day");
        results.mapValues(EquipmentDayResult::kpi, Named.as("kpi-equipment-daily"))
                .to(Topic.KPI_EQUIPMENT_DAILY.name(), Produced.with(Serdes.String(),
                        dependencies.serdes().valueSerde(Topic.KPI_EQUIPMENT_DAILY)).withName("kpi-equipment-daily-sink"));
        return results.map((key, result) -> KeyValue.pair(result.enterpriseId(), result.fact()),
                Named.as("kpi-equipment-fact"));
    }
}

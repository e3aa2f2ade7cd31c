package org.pharmamaturity.streams.topology;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.streams.reference.ReferenceStoreUpdaters;
import org.pharmamaturity.streams.state.StateSerde;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * Produces the global reference stores {@code ref-enterprise} and {@code ref-equipment} from the compacted
 * topics ref.enterprise and ref.equipment. Global, because events keyed by equipment, batch or shipment are
 * validated against enterprises they are not co-partitioned with. Sources {@code reference-<kind>-source},
 * processors {@code reference-<kind>-update}. Added to the built {@link Topology}, which lets every global
 * node be named.
 */
public final class ReferenceDataTopology {

    private ReferenceDataTopology() {
    }

    /** Adds both global stores to {@code topology}. */
    public static void add(Topology topology, TopologyDependencies dependencies) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.REF_ENTERPRISE), Serdes.String(),
                        StateSerde.of(Enterprise.class)).withLoggingDisabled(),
                "reference-enterprise-source", new StringDeserializer(), new ByteArrayDeserializer(),
                Topic.REF_ENTERPRISE.name(), "reference-enterprise-update",
                () -> ReferenceStoreUpdaters.enterprises(dependencies.serdes()));
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.REF_EQUIPMENT), Serdes.String(),
                        StateSerde.of(Equipment.class)).withLoggingDisabled(),
                "reference-equipment-source", new StringDeserializer(), new ByteArrayDeserializer(),
                Topic.REF_EQUIPMENT.name(), "reference-equipment-update",
                () -> ReferenceStoreUpdaters.equipment(dependencies.serdes()));
    }
}

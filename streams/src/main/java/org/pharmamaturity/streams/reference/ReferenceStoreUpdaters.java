package org.pharmamaturity.streams.reference;

import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.pharmamaturity.streams.state.StoreNames;

/** The processors that keep the two global reference stores. */
public final class ReferenceStoreUpdaters {

    private ReferenceStoreUpdaters() {
    }

    /** Keeps {@link StoreNames#REF_ENTERPRISE} from ref.enterprise. */
    public static ReferenceStoreUpdater<Enterprise> enterprises(TopicSerdes serdes) {
        return new ReferenceStoreUpdater<>(ReferenceDecoder.enterprises(serdes), StoreNames.REF_ENTERPRISE);
    }

    /** Keeps {@link StoreNames#REF_EQUIPMENT} from ref.equipment. */
    public static ReferenceStoreUpdater<Equipment> equipment(TopicSerdes serdes) {
        return new ReferenceStoreUpdater<>(ReferenceDecoder.equipment(serdes), StoreNames.REF_EQUIPMENT);
    }
}

package org.pharmamaturity.streams.reference;

import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.pharmamaturity.streams.state.StoreNames;

/** The processors that keep the two global reference stores. */
public final class ReferenceStoreUpdaters {

    private ReferenceStoreUpdaters() {
    }

    /** Keeps {@link StoreNames#REF_ENTERPRISE} from ref.enterprise. */
    public static ReferenceStoreUpdater<Enterprise> enterprises(TopicSerdes serdes, PipelineMeters meters) {
        return new ReferenceStoreUpdater<>(Topic.REF_ENTERPRISE, ReferenceKind.ENTERPRISE, StoreNames.REF_ENTERPRISE,
                serdes, meters);
    }

    /** Keeps {@link StoreNames#REF_EQUIPMENT} from ref.equipment. */
    public static ReferenceStoreUpdater<Equipment> equipment(TopicSerdes serdes, PipelineMeters meters) {
        return new ReferenceStoreUpdater<>(Topic.REF_EQUIPMENT, ReferenceKind.EQUIPMENT, StoreNames.REF_EQUIPMENT,
                serdes, meters);
    }
}

package org.pharmamaturity.producers;

import java.util.List;

import org.pharmamaturity.schemas.Topic;

/** The pipeline's input topics, the ones producers write to (DESIGN.md section 5, up to the outputs). */
public final class InputTopics {

    /** Every input topic, reference data first. */
    public static final List<Topic<?>> ALL = List.of(Topic.REF_ENTERPRISE, Topic.REF_EQUIPMENT,
            Topic.FACTORY_EQUIPMENT_STATE, Topic.FACTORY_PRODUCTION_COUNT, Topic.FACTORY_EQUIPMENT_TELEMETRY,
            Topic.FACTORY_BATCH_STATUS, Topic.QUALITY_EVENT, Topic.FACTORY_ENERGY_READING,
            Topic.LOGISTICS_COLDCHAIN_READING, Topic.LOGISTICS_SHIPMENT, Topic.ASSESSMENT_SELF_SUBMITTED,
            Topic.ASSESSMENT_SCENARIOS_DECLARED);

    private InputTopics() {
    }
}

package org.pharmamaturity.streams.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.ShipmentEvent;

/**
 * The input streams after validation and deduplication, keyed as their topics are, with eventTime as the record
 * timestamp.
 */
public record ValidatedInputs(
        KStream<String, EquipmentStateChange> equipmentStates,
        KStream<String, ProductionCount> productionCounts,
        KStream<String, EquipmentTelemetry> telemetry,
        KStream<String, BatchStatus> batchStatuses,
        KStream<String, QualityEvent> qualityEvents,
        KStream<String, EnergyReading> energyReadings,
        KStream<String, ColdChainReading> coldChainReadings,
        KStream<String, ShipmentEvent> shipments,
        KStream<String, SelfAssessmentSubmission> assessments,
        KStream<String, ScenarioDeclaration> scenarioDeclarations) {
}

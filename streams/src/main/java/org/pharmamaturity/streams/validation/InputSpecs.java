package org.pharmamaturity.streams.validation;

import java.util.List;

import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.ColdChainContext;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.ShipmentEvent;
import org.pharmamaturity.streams.maturity.Assessments;

/** The input topics the pipeline validates, with the checks particular to each record type. */
public final class InputSpecs {

    /** Lowest temperature a logger can report: absolute zero. */
    private static final double ABSOLUTE_ZERO_C = -273.15;

    /** Equipment state changes: the state must be one OEE counts (not a symbol this reader does not know). */
    public static final InputSpec<EquipmentStateChange> EQUIPMENT_STATE = new InputSpec<>(Topic.FACTORY_EQUIPMENT_STATE,
            "equipment-state", EquipmentStateChange::getEventId, EquipmentStateChange::getEventTime,
            EquipmentStateChange::getEnterpriseId, EquipmentStateChange::getEquipmentId,
            EquipmentStateChange::getEquipmentId, (value, context, problems) -> {
                if (value.getState() == EquipmentState.UNKNOWN) {
                    problems.add(Problem.invalid("state is UNKNOWN: the writer used a state this pipeline does not"
                            + " know, so OEE cannot count it"));
                }
            });

    /** Production counts: counts and ideal cycle time are never negative. */
    public static final InputSpec<ProductionCount> PRODUCTION_COUNT = new InputSpec<>(Topic.FACTORY_PRODUCTION_COUNT,
            "production-count", ProductionCount::getEventId, ProductionCount::getEventTime,
            ProductionCount::getEnterpriseId, ProductionCount::getEquipmentId, ProductionCount::getEquipmentId,
            (value, context, problems) -> {
                requireNonNegative("goodCount", value.getGoodCount(), problems);
                requireNonNegative("rejectCount", value.getRejectCount(), problems);
                requireNonNegative("idealCycleTimeMs", value.getIdealCycleTimeMs(), problems);
            });

    /** Equipment telemetry: only its presence is used, so no value check beyond the common ones. */
    public static final InputSpec<EquipmentTelemetry> EQUIPMENT_TELEMETRY = new InputSpec<>(
            Topic.FACTORY_EQUIPMENT_TELEMETRY, "equipment-telemetry", EquipmentTelemetry::getEventId,
            EquipmentTelemetry::getEventTime, EquipmentTelemetry::getEnterpriseId, EquipmentTelemetry::getEquipmentId,
            EquipmentTelemetry::getEquipmentId, (value, context, problems) -> {
            });

    /** Batch status: the electronic record share is a share. */
    public static final InputSpec<BatchStatus> BATCH_STATUS = new InputSpec<>(Topic.FACTORY_BATCH_STATUS,
            "batch-status", BatchStatus::getEventId, BatchStatus::getEventTime, BatchStatus::getEnterpriseId,
            BatchStatus::getBatchId, value -> null, (value, context, problems) -> {
                Double share = value.getElectronicRecordShare();
                if (share != null && !(share >= 0 && share <= 1)) {
                    problems.add(Problem.invalid("electronicRecordShare " + share + " is not between 0 and 1"));
                }
            });

    /** Quality events: opened no later than the skew allows, closed no earlier than opened. */
    public static final InputSpec<QualityEvent> QUALITY_EVENT = new InputSpec<>(Topic.QUALITY_EVENT, "quality-event",
            QualityEvent::getEventId, QualityEvent::getEventTime, QualityEvent::getEnterpriseId,
            QualityEvent::getEnterpriseId, value -> null, (value, context, problems) -> {
                requireText("qualityEventId", value.getQualityEventId(), problems);
                if (value.getClosedAt() != null && value.getClosedAt().isBefore(value.getOpenedAt())) {
                    problems.add(Problem.invalid("closedAt " + value.getClosedAt() + " is before openedAt "
                            + value.getOpenedAt()));
                }
                context.requireNotFuture("openedAt", value.getOpenedAt(), problems);
            });

    /** Energy readings: a quantity consumed is never negative; the meter and unit are named. */
    public static final InputSpec<EnergyReading> ENERGY_READING = new InputSpec<>(Topic.FACTORY_ENERGY_READING,
            "energy-reading", EnergyReading::getEventId, EnergyReading::getEventTime, EnergyReading::getEnterpriseId,
            EnergyReading::getEnterpriseId, EnergyReading::getEquipmentId, (value, context, problems) -> {
                requireNonNegative("quantity", value.getQuantity(), problems);
                requireText("meterId", value.getMeterId(), problems);
                requireText("unit", value.getUnit(), problems);
            });

    /** Cold-chain readings: a physical temperature, an ordered label range, and the unit the context needs. */
    public static final InputSpec<ColdChainReading> COLDCHAIN_READING = new InputSpec<>(
            Topic.LOGISTICS_COLDCHAIN_READING, "coldchain-reading", ColdChainReading::getEventId,
            ColdChainReading::getEventTime, ColdChainReading::getEnterpriseId, InputSpecs::coldChainUnit,
            value -> null, (value, context, problems) -> {
                if (!(value.getTemperatureC() > ABSOLUTE_ZERO_C) || Double.isInfinite(value.getTemperatureC())) {
                    problems.add(Problem.invalid("temperatureC " + value.getTemperatureC()
                            + " is not a physical temperature"));
                }
                if (!(value.getLabelMinC() <= value.getLabelMaxC())) {
                    problems.add(Problem.invalid("label range " + value.getLabelMinC() + ".." + value.getLabelMaxC()
                            + " is empty"));
                }
                String unitField = value.getContext() == ColdChainContext.TRANSPORT ? "shipmentId" : "storageUnitId";
                requireText(unitField, coldChainUnit(value), problems);
            });

    /** Shipment status changes: only the common checks. */
    public static final InputSpec<ShipmentEvent> SHIPMENT = new InputSpec<>(Topic.LOGISTICS_SHIPMENT, "shipment",
            ShipmentEvent::getEventId, ShipmentEvent::getEventTime, ShipmentEvent::getEnterpriseId,
            ShipmentEvent::getShipmentId, value -> null, (value, context, problems) -> {
            });

    /** Self-assessments: submitted no later than the skew allows, and valid against the models in force. */
    public static final InputSpec<SelfAssessmentSubmission> ASSESSMENT = new InputSpec<>(
            Topic.ASSESSMENT_SELF_SUBMITTED, "assessment", SelfAssessmentSubmission::getEventId,
            SelfAssessmentSubmission::getEventTime, SelfAssessmentSubmission::getEnterpriseId,
            SelfAssessmentSubmission::getEnterpriseId, value -> null,
            (value, context, problems) -> checkAssessment(Assessments.toEvaluation(value), context, problems));

    /** Scenario declarations: the check shared with the API (form and catalogue, ScenarioDeclarations). */
    public static final InputSpec<ScenarioDeclaration> SCENARIO_DECLARATION = new InputSpec<>(
            Topic.ASSESSMENT_SCENARIOS_DECLARED, "scenario-declaration", ScenarioDeclaration::getEventId,
            ScenarioDeclaration::getEventTime, ScenarioDeclaration::getEnterpriseId,
            ScenarioDeclaration::getEnterpriseId, value -> null, (value, context, problems) ->
                    context.scenarioDeclarations().problems(value)
                            .forEach(problem -> problems.add(Problem.invalid(problem))));

    /** Every validated input, in the order of DESIGN.md section 5. */
    public static final List<InputSpec<?>> ALL = List.of(EQUIPMENT_STATE, PRODUCTION_COUNT, EQUIPMENT_TELEMETRY,
            BATCH_STATUS, QUALITY_EVENT, ENERGY_READING, COLDCHAIN_READING, SHIPMENT, ASSESSMENT, SCENARIO_DECLARATION);

    private InputSpecs() {
    }

    /**
     * The checks particular to a self-assessment, for the pipeline and for the REST API, which refuses what the
     * pipeline would dead-letter: submittedAt no later than the allowed skew, and the evaluation library's checks
     * against the models in force (fields, id bounds, requirements). A time the caller could not read is null and
     * skipped here.
     */
    public static void checkAssessment(Assessment assessment, CheckContext context, List<Problem> problems) {
        if (assessment.submittedAt() != null) {
            context.requireNotFuture("submittedAt", assessment.submittedAt(), problems);
        }
        context.assessmentProblems().problems(assessment).forEach(problem -> problems.add(Problem.invalid(problem)));
    }

    /** The unit a cold-chain reading belongs to (the topic's key): shipment in transport, storage unit in storage. */
    public static String coldChainUnit(ColdChainReading reading) {
        return reading.getContext() == ColdChainContext.TRANSPORT ? reading.getShipmentId() : reading.getStorageUnitId();
    }

    private static void requireNonNegative(String field, double value, List<Problem> problems) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add(Problem.invalid(field + " is " + value + "; it must be a finite number of 0 or more"));
        }
    }

    private static void requireText(String field, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.invalid(field + " is missing"));
        }
    }
}

package org.pharmamaturity.producers.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.EquipmentClass;
import org.pharmamaturity.schemas.avro.TitleAward;

/**
 * The endless, deterministic stream of records of a simulated population: first the reference data (every
 * enterprise and machine), one self-assessment and one scenario declaration per enterprise, and the titles of the
 * enterprises that hold one ({@link TitleAwardGenerator}) at the start time,
 * then, in simulated-time order, machine states and counts, telemetry of networked machines, batches, deviations, shipments, cold-chain
 * samples and energy readings. The same population, seed and start give the same records; nothing here talks
 * to Kafka.
 */
public final class PlantSimulation implements Iterator<SimEvent<?>> {

    /** Telemetry interval of a networked machine unless told otherwise: often enough for any daily KPI. */
    public static final Duration DEFAULT_TELEMETRY_INTERVAL = Duration.ofMinutes(5);

    private final SimContext context;
    private final long telemetryIntervalMs;

    /** A simulation with the {@link #DEFAULT_TELEMETRY_INTERVAL}. */
    public PlantSimulation(List<SimulatedEnterprise> population, MaturityModel model, long seed, Instant start) {
        this(population, model, seed, start, DEFAULT_TELEMETRY_INTERVAL);
    }

    /**
     * A simulation of {@code population} answering {@code model}, from {@code start}, with every draw from
     * {@code seed}, networked machines reporting every {@code telemetryInterval}.
     */
    public PlantSimulation(List<SimulatedEnterprise> population, MaturityModel model, long seed, Instant start,
                           Duration telemetryInterval) {
        if (telemetryInterval.toMillis() < 1) {
            throw new IllegalArgumentException("the telemetry interval must be at least 1 ms, not " + telemetryInterval);
        }
        this.context = new SimContext(seed, start);
        this.telemetryIntervalMs = telemetryInterval.toMillis();
        SelfAssessmentGenerator assessments = new SelfAssessmentGenerator(model);
        ScenarioDeclarationGenerator declarations = ScenarioDeclarationGenerator.of2025Catalogue();
        for (SimulatedEnterprise enterprise : population) {
            emitReferenceData(enterprise);
        }
        for (SimulatedEnterprise enterprise : population) {
            context.emit(Topic.ASSESSMENT_SELF_SUBMITTED, enterprise.enterpriseId(), assessments.submission(
                    enterprise, context.random(), context.eventId(), context.nowMs()));
            context.emit(Topic.ASSESSMENT_SCENARIOS_DECLARED, enterprise.enterpriseId(), declarations.declaration(
                    enterprise, context.random(), context.eventId(), context.nowMs()));
            startBehaviours(enterprise);
        }
        for (SimulatedEnterprise enterprise : population) {
            for (TitleAward award : TitleAwardGenerator.awards(enterprise, context::eventId, context.now())) {
                context.emit(Topic.REF_TITLE, Topic.titleKey(award.getEnterpriseId(), award.getTitle().name(),
                        award.getScenarioId()), award);
            }
        }
    }

    /** Always true: plants never stop. */
    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public SimEvent<?> next() {
        return context.next();
    }

    private void startBehaviours(SimulatedEnterprise enterprise) {
        for (SimulatedEquipment equipment : enterprise.equipment()) {
            if (equipment.producing()) {
                EquipmentBehaviour.start(context, enterprise, equipment);
            }
            if (equipment.networked()) {
                TelemetryBehaviour.start(context, enterprise, equipment, telemetryIntervalMs);
            }
            if (equipment.equipmentClass() == EquipmentClass.COLD_ROOM) {
                ColdChainLogger.storage(context, enterprise, equipment);
            }
        }
        enterprise.siteIds().forEach(siteId -> EnergyBehaviour.start(context, enterprise, siteId));
        BatchBehaviour.start(context, enterprise);
    }

    private void emitReferenceData(SimulatedEnterprise enterprise) {
        context.emit(Topic.REF_ENTERPRISE, enterprise.enterpriseId(), Enterprise.newBuilder()
                .setEventId(context.eventId()).setEventTime(context.now()).setEnterpriseId(enterprise.enterpriseId())
                .setName(enterprise.name()).setUscc(enterprise.uscc()).setSector(enterprise.sector().code())
                .setDistrict(enterprise.district()).setManufacturingType(enterprise.sector().manufacturingType())
                .build());
        for (SimulatedEquipment equipment : enterprise.equipment()) {
            context.emit(Topic.REF_EQUIPMENT, equipment.equipmentId(), Equipment.newBuilder()
                    .setEventId(context.eventId()).setEventTime(context.now())
                    .setEnterpriseId(enterprise.enterpriseId()).setSiteId(equipment.siteId())
                    .setEquipmentId(equipment.equipmentId()).setLineId(equipment.lineId())
                    .setEquipmentClass(equipment.equipmentClass()).setKeyProcess(equipment.keyProcess())
                    .setDigitalControl(equipment.digitalControl()).setDataInterface(equipment.dataInterface())
                    .build());
        }
    }
}

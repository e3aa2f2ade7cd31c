package org.pharmamaturity.producers.simulate;

import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.ProductionCount;

/**
 * A production machine's state machine: RUNNING (2-6 h) ends in a CHANGEOVER (30-90 min) followed by CLEANING
 * (1-3 h), in an UNPLANNED_STOP (10 min-2 h, median 30 min) with the profile's probability, or now and then in
 * a PLANNED_STOP (4-10 h, preventive maintenance) followed by cleaning. While running, unit-counting machines
 * report good and rejected counts every hour and at the end of the run.
 */
final class EquipmentBehaviour {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final double PLANNED_STOP_PROBABILITY = 0.08;
    private static final String[] UNPLANNED_REASONS = {"JAM", "SENSOR_FAULT", "MATERIAL_SHORTAGE", "MOTOR_TRIP", "UTILITY_LOSS"};

    private final SimulatedEnterprise enterprise;
    private final SimulatedEquipment equipment;
    private int batchNumber;
    private long runEndMs;
    private long lastCountMs;

    private EquipmentBehaviour(SimulatedEnterprise enterprise, SimulatedEquipment equipment) {
        this.enterprise = enterprise;
        this.equipment = equipment;
    }

    /** Starts the machine's state machine at a random point of its first hour. */
    static void start(SimContext context, SimulatedEnterprise enterprise, SimulatedEquipment equipment) {
        EquipmentBehaviour behaviour = new EquipmentBehaviour(enterprise, equipment);
        context.after(context.random().nextInt((int) HOUR), behaviour::startRun);
    }

    private void startRun(SimContext context) {
        batchNumber++;
        changeState(context, EquipmentState.RUNNING, null);
        runEndMs = context.nowMs() + context.duration(4 * HOUR, 0.35, 2 * HOUR, 6 * HOUR);
        lastCountMs = context.nowMs();
        scheduleCountOrEnd(context);
    }

    private void scheduleCountOrEnd(SimContext context) {
        long nextCount = lastCountMs + HOUR;
        if (equipment.countsUnits() && nextCount < runEndMs) {
            context.after(nextCount - context.nowMs(), c -> {
                reportCount(c);
                scheduleCountOrEnd(c);
            });
        } else {
            context.after(runEndMs - context.nowMs(), this::endRun);
        }
    }

    private void endRun(SimContext context) {
        if (equipment.countsUnits()) {
            reportCount(context);
        }
        if (context.chance(enterprise.profile().unplannedStopProbability())) {
            changeState(context, EquipmentState.UNPLANNED_STOP,
                    UNPLANNED_REASONS[context.random().nextInt(UNPLANNED_REASONS.length)]);
            context.after(context.duration(30 * MINUTE, 0.8, 10 * MINUTE, 2 * HOUR), this::startRun);
        } else if (context.chance(PLANNED_STOP_PROBABILITY)) {
            changeState(context, EquipmentState.PLANNED_STOP, "PREVENTIVE_MAINTENANCE");
            context.after(context.duration(6 * HOUR, 0.3, 4 * HOUR, 10 * HOUR), this::startCleaning);
        } else {
            changeState(context, EquipmentState.CHANGEOVER, "PRODUCT_CHANGE");
            context.after(context.duration(50 * MINUTE, 0.3, 30 * MINUTE, 90 * MINUTE), this::startCleaning);
        }
    }

    private void startCleaning(SimContext context) {
        changeState(context, EquipmentState.CLEANING, "CIP");
        context.after(context.duration(2 * HOUR, 0.3, HOUR, 3 * HOUR), this::startRun);
    }

    private void reportCount(SimContext context) {
        long runningMs = context.nowMs() - lastCountMs;
        lastCountMs = context.nowMs();
        MaturityProfile profile = enterprise.profile();
        long total = (long) Math.floor(runningMs / equipment.idealCycleTimeMs() * profile.performance());
        long rejects = Math.round(total * profile.rejectRate() * (0.5 + context.random().nextDouble()));
        context.emit(Topic.FACTORY_PRODUCTION_COUNT, equipment.equipmentId(), ProductionCount.newBuilder()
                .setEventId(context.eventId()).setEventTime(context.now())
                .setEnterpriseId(enterprise.enterpriseId()).setSiteId(equipment.siteId())
                .setEquipmentId(equipment.equipmentId()).setBatchId(batchId())
                .setGoodCount(total - rejects).setRejectCount(rejects)
                .setIdealCycleTimeMs(equipment.idealCycleTimeMs()).build());
    }

    private String batchId() {
        return equipment.equipmentId() + "-B" + batchNumber;
    }

    private void changeState(SimContext context, EquipmentState state, String reasonCode) {
        context.emit(Topic.FACTORY_EQUIPMENT_STATE, equipment.equipmentId(), EquipmentStateChange.newBuilder()
                .setEventId(context.eventId()).setEventTime(context.now())
                .setEnterpriseId(enterprise.enterpriseId()).setSiteId(equipment.siteId())
                .setEquipmentId(equipment.equipmentId()).setState(state).setReasonCode(reasonCode).build());
    }
}

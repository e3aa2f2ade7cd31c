package org.pharmamaturity.producers.simulate;

import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.TelemetryQuality;

/**
 * A networked machine's tag reading at a fixed interval: the class's key process value around its set point, now
 * and then flagged UNCERTAIN (1%) or BAD (0.5%). Machines that are not networked send nothing.
 */
final class TelemetryBehaviour {

    private final SimulatedEnterprise enterprise;
    private final SimulatedEquipment equipment;
    private final Tag tag;
    private final long intervalMs;

    private record Tag(String name, double setPoint, double spread, String unit) {
    }

    private TelemetryBehaviour(SimulatedEnterprise enterprise, SimulatedEquipment equipment, long intervalMs) {
        this.enterprise = enterprise;
        this.equipment = equipment;
        this.tag = tagOf(equipment);
        this.intervalMs = intervalMs;
    }

    /** Starts the readings of a networked machine, one every {@code intervalMs}. */
    static void start(SimContext context, SimulatedEnterprise enterprise, SimulatedEquipment equipment, long intervalMs) {
        TelemetryBehaviour behaviour = new TelemetryBehaviour(enterprise, equipment, intervalMs);
        context.after(context.random().nextLong(intervalMs), behaviour::read);
    }

    private void read(SimContext context) {
        double quality = context.random().nextDouble();
        context.emit(Topic.FACTORY_EQUIPMENT_TELEMETRY, equipment.equipmentId(), EquipmentTelemetry.newBuilder()
                .setEventId(context.eventId()).setEventTime(context.now())
                .setEnterpriseId(enterprise.enterpriseId()).setSiteId(equipment.siteId())
                .setEquipmentId(equipment.equipmentId()).setTag(tag.name())
                .setValue(tag.setPoint() + tag.spread() * context.random().nextGaussian()).setUnit(tag.unit())
                .setQuality(quality < 0.005 ? TelemetryQuality.BAD
                        : quality < 0.015 ? TelemetryQuality.UNCERTAIN : TelemetryQuality.GOOD)
                .build());
        context.after(intervalMs, this::read);
    }

    private static Tag tagOf(SimulatedEquipment equipment) {
        return switch (equipment.equipmentClass()) {
            case REACTOR -> new Tag("jacketTemperature", 60.0, 1.5, "Cel");
            case BIOREACTOR -> new Tag("dissolvedOxygen", 40.0, 3.0, "%");
            case TABLET_PRESS -> new Tag("compressionForce", 15.0, 0.8, "kN");
            case FILLER -> new Tag("fillWeight", 2.0, 0.02, "g");
            case LYOPHILISER -> new Tag("shelfTemperature", -40.0, 1.0, "Cel");
            case PACKAGING -> new Tag("lineSpeed", 300.0, 12.0, "1/min");
            case HVAC -> new Tag("differentialPressure", 15.0, 1.0, "Pa");
            case COLD_ROOM -> new Tag("roomTemperature", 5.0, 0.6, "Cel");
            case UTILITY -> new Tag("headerPressure", 6.0, 0.2, "bar");
            case LAB_INSTRUMENT -> new Tag("columnPressure", 200.0, 8.0, "bar");
            case OTHER -> new Tag("value", 0.0, 1.0, null);
        };
    }
}

package org.pharmamaturity.producers.simulate;

import java.time.Instant;

import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnergyCarrier;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.ManufacturingType;

/**
 * A site's utility meters, read every 15 minutes: electricity (about 20 kWh per machine per interval) and, at
 * process plants, steam (about 50 kg per machine); an interval goes missing with the profile's gap probability.
 */
final class EnergyBehaviour {

    private static final long INTERVAL_MS = 15 * 60_000L;

    private final SimulatedEnterprise enterprise;
    private final String siteId;
    private final long machines;

    private EnergyBehaviour(SimulatedEnterprise enterprise, String siteId) {
        this.enterprise = enterprise;
        this.siteId = siteId;
        this.machines = enterprise.equipment().stream().filter(e -> e.siteId().equals(siteId)).count();
    }

    /** Starts the meters of one site at the first quarter hour. */
    static void start(SimContext context, SimulatedEnterprise enterprise, String siteId) {
        EnergyBehaviour behaviour = new EnergyBehaviour(enterprise, siteId);
        context.after(INTERVAL_MS - Math.floorMod(context.nowMs(), INTERVAL_MS), behaviour::read);
    }

    private void read(SimContext context) {
        meter(context, "ELEC", EnergyCarrier.ELECTRICITY, 20.0 * machines, "kWh");
        if (enterprise.sector().manufacturingType() == ManufacturingType.PROCESS) {
            meter(context, "STEAM", EnergyCarrier.STEAM, 50.0 * machines, "kg");
        }
        context.after(INTERVAL_MS, this::read);
    }

    private void meter(SimContext context, String suffix, EnergyCarrier carrier, double typical, String unit) {
        if (context.chance(enterprise.profile().sampleGapProbability())) {
            return;
        }
        double quantity = typical * (0.7 + 0.6 * context.random().nextDouble());
        context.emit(Topic.FACTORY_ENERGY_READING, enterprise.enterpriseId(), EnergyReading.newBuilder()
                .setEventId(context.eventId()).setEventTime(context.now())
                .setEnterpriseId(enterprise.enterpriseId()).setSiteId(siteId)
                .setMeterId(siteId + "-M-" + suffix).setCarrier(carrier)
                .setQuantity(Math.round(quantity * 10) / 10.0).setUnit(unit)
                .setPeriodStart(Instant.ofEpochMilli(context.nowMs() - INTERVAL_MS)).build());
    }
}

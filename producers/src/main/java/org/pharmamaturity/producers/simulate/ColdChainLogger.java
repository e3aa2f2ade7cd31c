package org.pharmamaturity.producers.simulate;

import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ColdChainContext;
import org.pharmamaturity.schemas.avro.ColdChainReading;

/**
 * A GSP temperature logger on a 2-8 C label range: a sample every 5 min in transport or 30 min in storage
 * (every 2 min while out of range, as GSP annex 3 asks), around 5 C in normal operation, 8.5-11 C during an
 * excursion of 10-60 min; each sample goes missing with the profile's gap probability.
 */
final class ColdChainLogger {

    static final double LABEL_MIN_C = 2.0;
    static final double LABEL_MAX_C = 8.0;
    private static final long MINUTE = 60_000L;
    private static final long EXCURSION_INTERVAL_MS = 2 * MINUTE;

    private final SimulatedEnterprise enterprise;
    private final String loggerId;
    private final String shipmentId;
    private final String storageUnitId;
    private final ColdChainContext loggerContext;
    private final long intervalMs;
    private final long endMs;
    private final double excursionPerSample;
    private long excursionUntilMs;

    private ColdChainLogger(SimulatedEnterprise enterprise, String loggerId, String shipmentId, String storageUnitId,
                            ColdChainContext loggerContext, long intervalMs, long endMs, double excursionPerSample) {
        this.enterprise = enterprise;
        this.loggerId = loggerId;
        this.shipmentId = shipmentId;
        this.storageUnitId = storageUnitId;
        this.loggerContext = loggerContext;
        this.intervalMs = intervalMs;
        this.endMs = endMs;
        this.excursionPerSample = excursionPerSample;
    }

    /** Logs a shipment in transport from now until {@code arrivalMs}. */
    static void transport(SimContext context, SimulatedEnterprise enterprise, String shipmentId, long arrivalMs) {
        long samples = Math.max(1, (arrivalMs - context.nowMs()) / (5 * MINUTE));
        new ColdChainLogger(enterprise, "LOG-" + shipmentId, shipmentId, null, ColdChainContext.TRANSPORT,
                5 * MINUTE, arrivalMs, enterprise.profile().excursionProbability() / samples).sample(context);
    }

    /** Logs a cold room for as long as the simulation runs. */
    static void storage(SimContext context, SimulatedEnterprise enterprise, SimulatedEquipment coldRoom) {
        // The profile's excursion probability is per storage day: 48 samples of 30 min.
        ColdChainLogger logger = new ColdChainLogger(enterprise, "LOG-" + coldRoom.equipmentId(), null,
                coldRoom.equipmentId(), ColdChainContext.STORAGE, 30 * MINUTE, Long.MAX_VALUE,
                enterprise.profile().excursionProbability() / 48);
        context.after(context.random().nextInt((int) (30 * MINUTE)), logger::sample);
    }

    private void sample(SimContext context) {
        if (context.nowMs() >= endMs) {
            return;
        }
        if (context.nowMs() >= excursionUntilMs && context.chance(excursionPerSample)) {
            excursionUntilMs = context.nowMs() + context.duration(25 * MINUTE, 0.5, 10 * MINUTE, 60 * MINUTE);
        }
        boolean excursion = context.nowMs() < excursionUntilMs;
        double temperature = excursion ? 8.5 + 2.5 * context.random().nextDouble()
                : Math.max(2.3, Math.min(7.7, 5.0 + context.random().nextGaussian()));
        if (!context.chance(enterprise.profile().sampleGapProbability())) {
            context.emit(Topic.LOGISTICS_COLDCHAIN_READING, shipmentId != null ? shipmentId : storageUnitId,
                    ColdChainReading.newBuilder()
                            .setEventId(context.eventId()).setEventTime(context.now())
                            .setEnterpriseId(enterprise.enterpriseId()).setSiteId(enterprise.mainSiteId())
                            .setLoggerId(loggerId).setShipmentId(shipmentId).setStorageUnitId(storageUnitId)
                            .setContext(loggerContext).setTemperatureC(Math.round(temperature * 10) / 10.0)
                            .setLabelMinC(LABEL_MIN_C).setLabelMaxC(LABEL_MAX_C)
                            .setRelativeHumidity(Math.round(50 + 5 * context.random().nextGaussian()) * 1.0)
                            .build());
        }
        context.after(excursion ? EXCURSION_INTERVAL_MS : intervalMs, this::sample);
    }
}

package org.pharmamaturity.producers.simulate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.schemas.avro.QualityEventType;
import org.pharmamaturity.schemas.avro.QualitySeverity;
import org.pharmamaturity.schemas.avro.ShipmentEvent;
import org.pharmamaturity.schemas.avro.ShipmentStatus;

/**
 * An enterprise's batches: one starts every 8-16 h, runs 4-8 h, goes to QA review and is released 12-48 h later
 * (rejected after a critical deviation). A deviation is raised with the profile's probability (70% minor, 25%
 * major, 5% critical) and closed 1-10 days later. The electronic record share follows the profile. Each released
 * batch is shipped (packed, dispatched, in transit 6-30 h, delivered), with a transport logger when the sector
 * ships it at 2-8 C.
 */
final class BatchBehaviour {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final SimulatedEnterprise enterprise;
    private int batches;
    private int shipments;
    private int qualityEvents;

    private BatchBehaviour(SimulatedEnterprise enterprise) {
        this.enterprise = enterprise;
    }

    /** Starts the enterprise's first batch within its first 8 h. */
    static void start(SimContext context, SimulatedEnterprise enterprise) {
        BatchBehaviour behaviour = new BatchBehaviour(enterprise);
        context.after(context.random().nextInt((int) (8 * HOUR)), behaviour::startBatch);
    }

    private void startBatch(SimContext context) {
        batches++;
        String batchId = String.format(Locale.ROOT, "%s-B%05d", enterprise.enterpriseId(), batches);
        String productCode = enterprise.sector().code() + "-P" + (1 + context.random().nextInt(3));
        MaturityProfile profile = enterprise.profile();
        Double electronicShare = context.chance(profile.electronicBatchProbability())
                ? 0.95 + 0.05 * context.random().nextDouble()
                : 0.2 + 0.7 * context.random().nextDouble();
        boolean reviewByException = profile.trueLevel() >= 4 && electronicShare >= 0.95;
        QualitySeverity deviation = context.chance(profile.deviationProbability()) ? severity(context) : null;
        Batch batch = new Batch(batchId, productCode, electronicShare, reviewByException, deviation);

        status(context, batch, BatchState.STARTED, null);
        long runMs = context.duration(6 * HOUR, 0.2, 4 * HOUR, 8 * HOUR);
        if (deviation != null) {
            context.after(context.random().nextLong(runMs), c -> deviation(c, batch));
        }
        context.after(runMs, c -> {
            status(c, batch, BatchState.COMPLETED, batch.electronicShare());
            c.after(30 * MINUTE, c2 -> status(c2, batch, BatchState.QA_REVIEW, batch.electronicShare()));
            c.after(c.duration(24 * HOUR, 0.4, 12 * HOUR, 48 * HOUR), c2 -> decide(c2, batch));
        });
        context.after(context.duration(12 * HOUR, 0.2, 8 * HOUR, 16 * HOUR), this::startBatch);
    }

    private void decide(SimContext context, Batch batch) {
        if (batch.deviation() == QualitySeverity.CRITICAL) {
            status(context, batch, BatchState.REJECTED, batch.electronicShare());
            return;
        }
        status(context, batch, BatchState.RELEASED, batch.electronicShare());
        context.after(2 * HOUR, c -> ship(c, batch));
    }

    private void deviation(SimContext context, Batch batch) {
        qualityEvents++;
        String qualityEventId = String.format(Locale.ROOT, "%s-QE%05d", enterprise.enterpriseId(), qualityEvents);
        Instant openedAt = context.now();
        quality(context, qualityEventId, batch, openedAt, null);
        context.after(context.duration(3 * DAY, 0.6, DAY, 10 * DAY),
                c -> quality(c, qualityEventId, batch, openedAt, c.now()));
    }

    private void ship(SimContext context, Batch batch) {
        shipments++;
        String shipmentId = String.format(Locale.ROOT, "%s-SH%05d", enterprise.enterpriseId(), shipments);
        boolean coldChain = context.chance(enterprise.sector().coldChainShipmentShare());
        String toParty = "DIST-" + (1 + context.random().nextInt(20));
        String carrier = "CARRIER-" + (1 + context.random().nextInt(5));
        Boolean qualified = coldChain ? Boolean.TRUE : null;
        shipment(context, shipmentId, ShipmentStatus.PACKED, batch, toParty, carrier, qualified);
        context.after(HOUR, c -> {
            shipment(c, shipmentId, ShipmentStatus.DISPATCHED, batch, toParty, carrier, qualified);
            long transitMs = c.duration(12 * HOUR, 0.5, 6 * HOUR, 30 * HOUR);
            if (coldChain) {
                ColdChainLogger.transport(c, enterprise, shipmentId, c.nowMs() + transitMs);
            }
            c.after(5 * MINUTE, c2 -> shipment(c2, shipmentId, ShipmentStatus.IN_TRANSIT, batch, toParty, carrier,
                    qualified));
            c.after(transitMs, c2 -> shipment(c2, shipmentId, ShipmentStatus.DELIVERED, batch, toParty, carrier,
                    qualified));
        });
    }

    private static QualitySeverity severity(SimContext context) {
        double draw = context.random().nextDouble();
        return draw < 0.70 ? QualitySeverity.MINOR : draw < 0.95 ? QualitySeverity.MAJOR : QualitySeverity.CRITICAL;
    }

    private void status(SimContext context, Batch batch, BatchState state, Double electronicShare) {
        context.emit(Topic.FACTORY_BATCH_STATUS, batch.batchId(), BatchStatus.newBuilder()
                .setEventId(context.eventId()).setEventTime(context.now())
                .setEnterpriseId(enterprise.enterpriseId()).setSiteId(enterprise.mainSiteId())
                .setBatchId(batch.batchId()).setProductCode(batch.productCode()).setStatus(state)
                .setElectronicRecordShare(electronicShare)
                .setReviewByException(state == BatchState.RELEASED && batch.reviewByException()).build());
    }

    private void quality(SimContext context, String qualityEventId, Batch batch, Instant openedAt, Instant closedAt) {
        context.emit(Topic.QUALITY_EVENT, enterprise.enterpriseId(), QualityEvent.newBuilder()
                .setEventId(context.eventId()).setEventTime(context.now())
                .setEnterpriseId(enterprise.enterpriseId()).setSiteId(enterprise.mainSiteId())
                .setQualityEventId(qualityEventId).setType(QualityEventType.DEVIATION).setSeverity(batch.deviation())
                .setBatchId(batch.batchId()).setOpenedAt(openedAt).setClosedAt(closedAt).build());
    }

    private void shipment(SimContext context, String shipmentId, ShipmentStatus status, Batch batch, String toParty,
                          String carrier, Boolean vehicleQualified) {
        context.emit(Topic.LOGISTICS_SHIPMENT, shipmentId, ShipmentEvent.newBuilder()
                .setEventId(context.eventId()).setEventTime(context.now())
                .setEnterpriseId(enterprise.enterpriseId()).setSiteId(enterprise.mainSiteId())
                .setShipmentId(shipmentId).setStatus(status).setToPartyId(toParty).setCarrierId(carrier)
                .setVehicleQualified(vehicleQualified).setBatches(List.of(batch.batchId())).build());
    }

    private record Batch(String batchId, String productCode, Double electronicShare, boolean reviewByException,
                         QualitySeverity deviation) {
    }
}

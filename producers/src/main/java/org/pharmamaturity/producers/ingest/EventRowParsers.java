package org.pharmamaturity.producers.ingest;

import java.time.Instant;

import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.ColdChainContext;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.schemas.avro.EnergyCarrier;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.schemas.avro.QualityEventType;
import org.pharmamaturity.schemas.avro.QualitySeverity;
import org.pharmamaturity.schemas.avro.ShipmentEvent;
import org.pharmamaturity.schemas.avro.ShipmentStatus;

/**
 * Parsers of the operations kinds beside the equipment ones of {@link RowParsers}: batches, quality events, energy,
 * cold chain and shipments. Each checks what the pipeline's validation would refuse (a share outside 0..1, a
 * negative quantity, an empty label range, a quality event closed before it opened), so a file is refused here
 * rather than dead-lettered later. Each returns null when the row has problems, which {@link RowFields} holds.
 */
final class EventRowParsers {

    /** 0 K in degrees Celsius: no reading can be at or below it. */
    private static final double ABSOLUTE_ZERO_C = -273.15;

    private EventRowParsers() {
    }

    /** {@code eventTime, enterpriseId, siteId, batchId, productCode, status[, electronicRecordShare][, reviewByException]}. */
    static ParsedRecord<BatchStatus> batch(RowFields row) {
        String eventId = row.eventId();
        Instant eventTime = row.instant("eventTime");
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.text("siteId");
        String batchId = row.text("batchId");
        String productCode = row.text("productCode");
        BatchState status = row.choice("status", BatchState.class);
        Double share = row.optionalNumber("electronicRecordShare");
        if (share != null && !(share >= 0 && share <= 1)) {
            row.problem("electronicRecordShare", "'" + share + "' is not a share from 0 to 1");
        }
        boolean reviewByException = row.optionalBool("reviewByException", false);
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.FACTORY_BATCH_STATUS, batchId, new BatchStatus(eventId, eventTime, enterpriseId,
                siteId, batchId, productCode, status, share, reviewByException));
    }

    /** {@code eventTime, enterpriseId, siteId, qualityEventId, type, severity, openedAt[, closedAt][, batchId]}. */
    static ParsedRecord<QualityEvent> quality(RowFields row) {
        String eventId = row.eventId();
        Instant eventTime = row.instant("eventTime");
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.text("siteId");
        String qualityEventId = row.text("qualityEventId");
        QualityEventType type = row.choice("type", QualityEventType.class);
        QualitySeverity severity = row.choice("severity", QualitySeverity.class);
        String batchId = row.optionalText("batchId");
        Instant openedAt = row.instant("openedAt");
        Instant closedAt = row.optionalInstant("closedAt", null);
        if (openedAt != null && closedAt != null && closedAt.isBefore(openedAt)) {
            row.problem("closedAt", "'" + closedAt + "' is before openedAt " + openedAt);
        }
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.QUALITY_EVENT, enterpriseId, new QualityEvent(eventId, eventTime, enterpriseId,
                siteId, qualityEventId, type, severity, batchId, openedAt, closedAt));
    }

    /** {@code eventTime, enterpriseId, siteId, meterId, carrier, quantity, unit[, equipmentId][, periodStart]}. */
    static ParsedRecord<EnergyReading> energy(RowFields row) {
        String eventId = row.eventId();
        Instant eventTime = row.instant("eventTime");
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.text("siteId");
        String meterId = row.text("meterId");
        String equipmentId = row.optionalText("equipmentId");
        EnergyCarrier carrier = row.choice("carrier", EnergyCarrier.class);
        double quantity = row.number("quantity");
        if (quantity < 0) {
            row.problem("quantity", "'" + quantity + "' is negative; a reading is the quantity consumed, 0 or more");
        }
        String unit = row.text("unit");
        Instant periodStart = row.optionalInstant("periodStart", null);
        if (periodStart != null && eventTime != null && periodStart.isAfter(eventTime)) {
            row.problem("periodStart", "'" + periodStart + "' is after eventTime " + eventTime + ", the period's end");
        }
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.FACTORY_ENERGY_READING, enterpriseId, new EnergyReading(eventId, eventTime,
                enterpriseId, siteId, meterId, equipmentId, carrier, quantity, unit, periodStart));
    }

    /**
     * {@code eventTime, enterpriseId, loggerId, context, temperatureC, labelMinC, labelMaxC[, siteId][, shipmentId]
     * [, storageUnitId][, relativeHumidity]}: a TRANSPORT reading needs its shipmentId, a STORAGE one its storageUnitId
     * (the topic's key).
     */
    static ParsedRecord<ColdChainReading> coldChain(RowFields row) {
        String eventId = row.eventId();
        Instant eventTime = row.instant("eventTime");
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.optionalText("siteId");
        String loggerId = row.text("loggerId");
        ColdChainContext context = row.choice("context", ColdChainContext.class);
        String shipmentId = row.optionalText("shipmentId");
        String storageUnitId = row.optionalText("storageUnitId");
        String unit = context == ColdChainContext.STORAGE ? storageUnitId : shipmentId;
        if (context != null && unit == null) {
            row.problem(context == ColdChainContext.STORAGE ? "storageUnitId" : "shipmentId",
                    "missing; a " + context + " reading names its " + (context == ColdChainContext.STORAGE
                            ? "storage unit" : "shipment"));
        }
        double temperature = row.number("temperatureC");
        if (temperature <= ABSOLUTE_ZERO_C) {
            row.problem("temperatureC", "'" + temperature + "' is not a physical temperature");
        }
        double labelMin = row.number("labelMinC");
        double labelMax = row.number("labelMaxC");
        if (labelMin > labelMax) {
            row.problem("labelMaxC", "label range " + labelMin + ".." + labelMax + " is empty");
        }
        Double humidity = row.optionalNumber("relativeHumidity");
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.LOGISTICS_COLDCHAIN_READING, unit, new ColdChainReading(eventId, eventTime,
                enterpriseId, siteId, loggerId, shipmentId, storageUnitId, context, temperature, labelMin, labelMax,
                humidity));
    }

    /** {@code eventTime, enterpriseId, siteId, shipmentId, status[, toPartyId][, carrierId][, vehicleQualified][, batches]}. */
    static ParsedRecord<ShipmentEvent> shipment(RowFields row) {
        String eventId = row.eventId();
        Instant eventTime = row.instant("eventTime");
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.text("siteId");
        String shipmentId = row.text("shipmentId");
        ShipmentStatus status = row.choice("status", ShipmentStatus.class);
        String toPartyId = row.optionalText("toPartyId");
        String carrierId = row.optionalText("carrierId");
        Boolean vehicleQualified = row.optionalText("vehicleQualified") == null ? null : row.bool("vehicleQualified");
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.LOGISTICS_SHIPMENT, shipmentId, new ShipmentEvent(eventId, eventTime,
                enterpriseId, siteId, shipmentId, status, toPartyId, carrierId, vehicleQualified, row.list("batches")));
    }
}

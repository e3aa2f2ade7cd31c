package org.pharmamaturity.streams.kpi;

import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.streams.state.avro.BatchFact;
import org.pharmamaturity.streams.state.avro.EnergyFact;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.QualityFact;

/** The enterprise facts of input events that feed the enterprise KPIs directly. */
public final class EnterpriseFacts {

    private EnterpriseFacts() {
    }

    /** A batch status change. */
    public static EnterpriseFact of(BatchStatus status) {
        return new EnterpriseFact(status.getEventTime().toEpochMilli(), true, new BatchFact(status.getBatchId(),
                status.getStatus().name(), status.getElectronicRecordShare()));
    }

    /** A quality record change. */
    public static EnterpriseFact of(QualityEvent event) {
        return new EnterpriseFact(event.getEventTime().toEpochMilli(), true, new QualityFact(event.getQualityEventId(),
                event.getType().name(), event.getSeverity().name(), event.getBatchId(),
                event.getOpenedAt().toEpochMilli()));
    }

    /** An energy meter reading. */
    public static EnterpriseFact of(EnergyReading reading) {
        return new EnterpriseFact(reading.getEventTime().toEpochMilli(), true, new EnergyFact(reading.getMeterId(),
                reading.getCarrier().name(), reading.getQuantity(), reading.getUnit()));
    }
}

package org.pharmamaturity.streams.metrics;

import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * The counters the topologies and exception handlers increment. {@link MicrometerPipelineMeters} serves them as
 * {@code maturity_records_total{topic}}, {@code maturity_dead_letters_total{topic,reason}},
 * {@code maturity_duplicates_total{topic}}, {@code maturity_late_records_total{stage}},
 * {@code maturity_reference_waits_total{topic}} and
 * {@code maturity_alerts_total{kind,enterprise_id}}. Implementations are thread-safe: every stream thread and the
 * global thread call them.
 */
public interface PipelineMeters {

    /** A record of {@code topic} passed validation (it may still be dropped as a duplicate next). */
    void accepted(String topic);

    /** A record of {@code topic} was rejected for {@code reason} (and written to maturity.dlq where possible). */
    void deadLetter(String topic, DeadLetterReason reason);

    /** A record of {@code topic} repeated an eventId already seen within the dedup horizon and was dropped. */
    void duplicate(String topic);

    /**
     * A record of {@code topic} was parked to wait for its enterprise or equipment to reach the reference stores (or
     * behind an earlier parked record of its enterprise); it is counted again as accepted or as a dead letter when
     * it leaves.
     */
    void referenceWait(String topic);

    /** A record reached {@code stage} (e.g. kpi-equipment) after its day's grace had passed and was dropped. */
    void lateRecord(String stage);

    /** An alert of {@code kind} about {@code enterpriseId} was sent to maturity.alerts. */
    void alert(AlertKind kind, String enterpriseId);
}

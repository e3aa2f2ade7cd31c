package org.pharmamaturity.streams.metrics;

import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * The counters the topologies and exception handlers increment. The service binds them to Prometheus names:
 * {@code maturity_dead_letters_total{topic,reason}}, {@code maturity_duplicates_total{topic}} and
 * {@code maturity_late_records_total{stage}}. Implementations are thread-safe: every stream thread and the
 * global thread call them.
 */
public interface PipelineMeters {

    /** A record of {@code topic} was rejected for {@code reason} (and written to maturity.dlq where possible). */
    void deadLetter(String topic, DeadLetterReason reason);

    /** A record of {@code topic} repeated an eventId already seen within the dedup horizon and was dropped. */
    void duplicate(String topic);

    /** A record reached {@code stage} (e.g. kpi-equipment) after its day's grace had passed and was dropped. */
    void lateRecord(String stage);
}

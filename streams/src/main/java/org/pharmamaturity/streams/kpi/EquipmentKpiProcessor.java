package org.pharmamaturity.streams.kpi;

import java.time.Duration;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Record;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.streams.dlq.LateDeadLetters;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.EquipmentTrack;

/**
 * OEE per equipment per UTC day from state changes and production counts (keyed by equipmentId): the arithmetic
 * is {@link EquipmentDays}, run over the equipment's track in {@code kpi-equipment-tracks}. A day closes when the
 * latest event time seen ({@link EventTimeClock}) passes its end plus the grace, and the close margin has passed
 * after that in wall-clock time ({@link DayWindows}; the margin lets a count overtaken by a next-day state change on
 * the other repartition topic still arrive): it gets its final figures, and later inputs for it are counted as late
 * and go to maturity.dlq ({@link LateDeadLetters}). Not the task's stream time: that depends on how the topology is
 * cut into tasks and on the producers' clocks (see {@link EventTimeClock}).
 */
public final class EquipmentKpiProcessor extends DayWindowProcessor<SpecificRecord, EquipmentTrack, EquipmentDayResult> {

    /** Label of the late-record counter. */
    public static final String STAGE = "kpi-equipment";

    private final LateDeadLetters lateRecords;

    public EquipmentKpiProcessor(Duration grace, Duration closeMargin, LateDeadLetters lateRecords) {
        super(StoreNames.KPI_EQUIPMENT_TRACKS, StoreNames.KPI_EQUIPMENT_EVENT_TIME, grace, closeMargin,
                new EquipmentDays());
        this.lateRecords = lateRecords;
    }

    /** The dead letter of an input whose day closed, re-encoded for the input topic it came from. */
    @Override
    protected EquipmentDayResult late(Record<String, SpecificRecord> record, long wallMs) {
        return EquipmentDayResult.ofLate(switch (record.value()) {
            case EquipmentStateChange change -> lateRecords.deadLetter(Topic.FACTORY_EQUIPMENT_STATE, record.key(),
                    change, record.headers(), change.getEnterpriseId(), change.getEventTime(), wallMs);
            case ProductionCount count -> lateRecords.deadLetter(Topic.FACTORY_PRODUCTION_COUNT, record.key(), count,
                    record.headers(), count.getEnterpriseId(), count.getEventTime(), wallMs);
            default -> throw new IllegalArgumentException("not an equipment input: " + record.value().getSchema()
                    .getFullName());
        });
    }
}

package org.pharmamaturity.streams.kpi;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.Record;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.streams.dlq.LateDeadLetters;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.ColdChainUnit;

/**
 * Cold chain per shipment or storage unit (the topic's key) and UTC day: the arithmetic is {@link ColdChainDays},
 * run over the unit's record in {@code kpi-coldchain-units}. Days close like the equipment days
 * ({@link DayWindows}: when the time passes the day's end plus the grace, and then the close margin in wall-clock
 * time; a later reading for the day goes to maturity.dlq); that time is the latest eventTime seen
 * ({@link EventTimeClock}), not the task's stream time, because this processor shares its task with validation and
 * the stream time there follows the producers' wall clock.
 */
public final class ColdChainProcessor extends DayWindowProcessor<ColdChainReading, ColdChainUnit, ColdChainResult> {

    /** Label of the late-record counter. */
    public static final String STAGE = "kpi-coldchain";

    private final LateDeadLetters lateRecords;

    public ColdChainProcessor(Duration grace, Duration closeMargin, LateDeadLetters lateRecords) {
        super(StoreNames.KPI_COLDCHAIN_UNITS, StoreNames.KPI_COLDCHAIN_EVENT_TIME, grace, closeMargin,
                new ColdChainDays());
        this.lateRecords = lateRecords;
    }

    @Override
    protected ColdChainResult late(Record<String, ColdChainReading> record, long wallMs) {
        ColdChainReading reading = record.value();
        return ColdChainResult.ofLate(lateRecords.deadLetter(Topic.LOGISTICS_COLDCHAIN_READING, record.key(), reading,
                record.headers(), reading.getEnterpriseId(), reading.getEventTime(), wallMs));
    }
}

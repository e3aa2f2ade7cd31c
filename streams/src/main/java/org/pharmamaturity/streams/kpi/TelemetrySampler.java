package org.pharmamaturity.streams.kpi;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.WindowStoreAnchor;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.TelemetryFact;

/**
 * Telemetry is the bulk of the input but the KPIs only need to know that an equipment reported: this passes on
 * the first reading of each equipment in each UTC hour (a window store of the hours already passed on, keyed by
 * equipmentId) as a fact keyed by enterpriseId, and drops the rest. The networking rate therefore sees reading
 * times at one-hour resolution: an equipment counts as reporting within the last 24 h when the first reading of
 * an hour lies within them.
 */
public final class TelemetrySampler implements Processor<String, EquipmentTelemetry, String, EnterpriseFact> {

    /** The sampling resolution. */
    public static final Duration RESOLUTION = Duration.ofHours(1);

    private ProcessorContext<String, EnterpriseFact> context;
    private WindowStore<String, Long> hoursSeen;

    @Override
    public void init(ProcessorContext<String, EnterpriseFact> context) {
        this.context = context;
        this.hoursSeen = context.getStateStore(StoreNames.KPI_TELEMETRY_HOURS);
        WindowStoreAnchor.anchorWhenEmpty(context, hoursSeen);
    }

    @Override
    public void process(Record<String, EquipmentTelemetry> record) {
        EquipmentTelemetry reading = record.value();
        long time = reading.getEventTime().toEpochMilli();
        long hour = Math.floorDiv(time, RESOLUTION.toMillis()) * RESOLUTION.toMillis();
        if (hoursSeen.fetch(reading.getEquipmentId(), hour) != null) {
            return;
        }
        hoursSeen.put(reading.getEquipmentId(), time, hour);
        context.forward(record.withKey(reading.getEnterpriseId())
                .withValue(new EnterpriseFact(time, true, new TelemetryFact(reading.getEquipmentId()))));
    }
}

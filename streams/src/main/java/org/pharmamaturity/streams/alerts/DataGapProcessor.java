package org.pharmamaturity.streams.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.state.avro.EnterpriseActivity;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;

/**
 * Notices an enterprise whose data stopped arriving: records when each enterprise's facts were last processed
 * (wall clock) and, every {@code checkInterval} of wall-clock time, raises one DATA_GAP alert for each enterprise
 * silent for longer than {@code silence}; the next fact re-arms it. Wall clock rather than event time, because
 * silence produces no events to advance the stream time.
 */
public final class DataGapProcessor implements Processor<String, EnterpriseFact, String, Alert> {

    private final Duration silence;
    private final Duration checkInterval;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, EnterpriseActivity> activity;

    public DataGapProcessor(Duration silence, Duration checkInterval) {
        this.silence = silence;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.activity = context.getStateStore(StoreNames.ALERTS_ENTERPRISE_ACTIVITY);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::check);
    }

    @Override
    public void process(Record<String, EnterpriseFact> record) {
        activity.put(record.key(), new EnterpriseActivity(context.currentSystemTimeMs(), record.value().getTimeMs(),
                false));
    }

    private void check(long nowMs) {
        List<KeyValue<String, EnterpriseActivity>> silent = new ArrayList<>();
        try (KeyValueIterator<String, EnterpriseActivity> all = activity.all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.getGapAlerted() && nowMs - entry.value.getLastArrivalMs() >= silence.toMillis()) {
                    silent.add(entry);
                }
            });
        }
        for (KeyValue<String, EnterpriseActivity> entry : silent) {
            EnterpriseActivity seen = entry.value;
            context.forward(new Record<>(entry.key, Alerts.dataGap(entry.key, seen.getLastArrivalMs(),
                    seen.getLastEventTimeMs(), silence), seen.getLastEventTimeMs()));
            seen.setGapAlerted(true);
            activity.put(entry.key, seen);
        }
    }
}

package org.pharmamaturity.streams.kpi;

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

/**
 * The Processor-API skeleton shared by the KPI processors that keep a state per key over UTC days: observe the
 * input's event time ({@link DayWindows}: grace in event time, then the close margin in wall-clock time), send an
 * input whose day closed to the dead letters, otherwise apply it with the {@link DayStateFunction} and publish what
 * changed; and whenever the first open day moves (after an input, or from a wall-clock punctuator while closings
 * wait for the margin), close the days of every key that holds some.
 *
 * @param <I> the input record
 * @param <S> the state kept per key in {@code stateStore}
 * @param <O> what is published
 */
public abstract class DayWindowProcessor<I, S, O> implements Processor<String, I, String, O> {

    private final String stateStore;
    private final String eventTimeStore;
    private final Duration grace;
    private final Duration closeMargin;
    private final DayStateFunction<I, S, O> function;
    private ProcessorContext<String, O> context;
    private KeyValueStore<String, S> states;
    private DayWindows days;
    private int checkedFirstOpenDay = Integer.MIN_VALUE;

    protected DayWindowProcessor(String stateStore, String eventTimeStore, Duration grace, Duration closeMargin,
            DayStateFunction<I, S, O> function) {
        this.stateStore = stateStore;
        this.eventTimeStore = eventTimeStore;
        this.grace = grace;
        this.closeMargin = closeMargin;
        this.function = function;
    }

    /** What is published for an input whose day had closed (its dead letter), at wall-clock time {@code wallMs}. */
    protected abstract O late(Record<String, I> record, long wallMs);

    @Override
    public void init(ProcessorContext<String, O> context) {
        this.context = context;
        this.states = context.getStateStore(stateStore);
        this.days = DayWindows.resume(context.getStateStore(eventTimeStore), grace, closeMargin);
        if (days.waitsForMargin()) {
            context.schedule(days.checkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
                if (days.finalise(now)) {
                    closeDays();
                }
            });
        }
    }

    @Override
    public void process(Record<String, I> record) {
        long timeMs = function.eventTimeMs(record.value());
        long wallMs = context.currentSystemTimeMs();
        days.observe(timeMs, wallMs);
        if (days.isOpen(UtcDays.dayOf(timeMs))) {
            DayStateFunction.Step<S, O> step = function.apply(record.key(), states.get(record.key()), record.value(),
                    new DayStateFunction.DayTime(days.firstOpenDay(), record.timestamp(), wallMs));
            step.published().forEach(context::forward);
            states.put(record.key(), step.state());
        } else {
            context.forward(record.withValue(late(record, wallMs)));
        }
        closeDays();
    }

    /** Closes the days of every key that holds days which closed since the last check; cheap until then. */
    private void closeDays() {
        int firstOpen = days.firstOpenDay();
        if (firstOpen <= checkedFirstOpenDay) {
            return;
        }
        checkedFirstOpenDay = firstOpen;
        List<KeyValue<String, S>> closing = new ArrayList<>();
        try (KeyValueIterator<String, S> all = states.all()) {
            all.forEachRemaining(entry -> {
                if (function.closes(entry.value, firstOpen)) {
                    closing.add(entry);
                }
            });
        }
        DayStateFunction.DayTime time = new DayStateFunction.DayTime(firstOpen, days.highWaterMs(),
                context.currentSystemTimeMs());
        for (KeyValue<String, S> entry : closing) {
            DayStateFunction.Step<S, O> step = function.close(entry.value, time);
            step.published().forEach(context::forward);
            if (step.state() == null) {
                states.delete(entry.key);
            } else {
                states.put(entry.key, step.state());
            }
        }
    }
}

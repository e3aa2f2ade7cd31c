package org.pharmamaturity.streams.kpi;

import java.util.List;

import org.apache.kafka.streams.processor.api.Record;

/**
 * The domain arithmetic of a KPI processor that keeps one state per key over UTC days, as a pure function (no
 * store, no context): how an input whose day is open changes the key's state, and what closing days does to it,
 * each with the records to publish. {@link DayWindowProcessor} runs it over the Processor API. The state handed
 * in belongs to the function: it may change it and return it, and the caller uses only what is returned.
 *
 * @param <I> the input record
 * @param <S> the state kept per key
 * @param <O> what is published
 */
public interface DayStateFunction<I, S, O> {

    /** The event time of an input, epoch milliseconds; its UTC day decides whether it is late. */
    long eventTimeMs(I input);

    /** The key's state after an input whose day is open ({@code state} null: the key's first input). */
    Step<S, O> apply(String key, S state, I input, DayTime time);

    /** True when the state holds days before {@code firstOpenDay} (or is stale): {@link #close} has work. */
    boolean closes(S state, int firstOpenDay);

    /** The state after every day before {@code time.firstOpenDay()} closed for good; a null state: forget the key. */
    Step<S, O> close(S state, DayTime time);

    /**
     * Where the days stand when a function is called.
     *
     * @param firstOpenDay the first day that still takes data; every earlier day is closed
     * @param timestampMs the timestamp of the records published
     * @param wallMs the wall-clock time, stamped on published records as their eventTime
     */
    record DayTime(int firstOpenDay, long timestampMs, long wallMs) {
    }

    /** A state and the records to publish, in order. */
    record Step<S, O>(S state, List<Record<String, O>> published) {
    }
}

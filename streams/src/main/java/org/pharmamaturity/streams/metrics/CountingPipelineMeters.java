package org.pharmamaturity.streams.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * {@link PipelineMeters} kept as in-memory counters, readable by label: the service exposes them (e.g. as
 * Micrometer function counters) and tests assert on them.
 */
public final class CountingPipelineMeters implements PipelineMeters {

    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> duplicates = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> late = new ConcurrentHashMap<>();

    @Override
    public void deadLetter(String topic, DeadLetterReason reason) {
        increment(deadLetters, deadLetterLabel(topic, reason));
    }

    @Override
    public void duplicate(String topic) {
        increment(duplicates, topic);
    }

    @Override
    public void lateRecord(String stage) {
        increment(late, stage);
    }

    /** Dead letters counted for {@code topic} and {@code reason}. */
    public long deadLetters(String topic, DeadLetterReason reason) {
        return count(deadLetters, deadLetterLabel(topic, reason));
    }

    /** Duplicates dropped on {@code topic}. */
    public long duplicates(String topic) {
        return count(duplicates, topic);
    }

    /** Records dropped as too late at {@code stage}. */
    public long lateRecords(String stage) {
        return count(late, stage);
    }

    /** Every dead-letter counter: {@code topic|reason} to its count, sorted. */
    public Map<String, Long> deadLetterCounts() {
        return snapshot(deadLetters);
    }

    /** Every duplicate counter by topic, sorted. */
    public Map<String, Long> duplicateCounts() {
        return snapshot(duplicates);
    }

    /** Every late-record counter by stage, sorted. */
    public Map<String, Long> lateRecordCounts() {
        return snapshot(late);
    }

    /** The label the dead-letter counters are kept under: {@code topic|reason}. */
    public static String deadLetterLabel(String topic, DeadLetterReason reason) {
        return topic + "|" + reason.name();
    }

    private static void increment(Map<String, LongAdder> counters, String label) {
        counters.computeIfAbsent(label, key -> new LongAdder()).increment();
    }

    private static long count(Map<String, LongAdder> counters, String label) {
        LongAdder adder = counters.get(label);
        return adder == null ? 0 : adder.sum();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((label, adder) -> copy.put(label, adder.sum()));
        return copy;
    }
}

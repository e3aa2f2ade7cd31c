package org.pharmamaturity.streams.validation;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.pharmamaturity.schemas.Topic;

/**
 * How the records of one input topic are read and checked beyond the checks every event gets.
 *
 * @param topic the input topic
 * @param name short name used in processor and store names, e.g. {@code equipment-state}
 * @param eventId the record's eventId
 * @param eventTime the record's eventTime
 * @param enterpriseId the record's enterpriseId
 * @param expectedKey the key the record must have (the topic's key field), so that keyed processing and
 *        co-partitioning hold
 * @param equipmentId the registered equipment the record names, or null when it names none
 * @param typeChecks checks particular to the record type
 * @param <V> the record type
 */
public record InputSpec<V extends SpecificRecord>(Topic<V> topic, String name, Function<V, String> eventId,
        Function<V, Instant> eventTime, Function<V, String> enterpriseId, Function<V, String> expectedKey,
        Function<V, String> equipmentId, TypeChecks<V> typeChecks) {

    /** Checks particular to one record type. */
    @FunctionalInterface
    public interface TypeChecks<V> {

        /** Adds every problem of {@code value} to {@code problems}; {@code context} gives the clock and models. */
        void check(V value, CheckContext context, List<Problem> problems);
    }
}

package org.pharmamaturity.streams.validation;

import org.pharmamaturity.schemas.avro.DeadLetter;

/**
 * The outcome of validating one input record: the decoded value, or the dead letter that replaces it.
 *
 * @param <V> the record type
 */
public sealed interface Validated<V> {

    /** A record that passed every check. */
    record Accepted<V>(V value) implements Validated<V> {
    }

    /** A record that failed a check, with its original key bytes (the dead-letter topic's key). */
    record Rejected<V>(byte[] rawKey, DeadLetter deadLetter) implements Validated<V> {
    }
}

package org.pharmamaturity.streams.validation;

import org.pharmamaturity.schemas.avro.DeadLetterReason;

/** One reason a record cannot be used: the dead-letter reason code and a sentence for a person. */
public record Problem(DeadLetterReason reason, String message) {

    /** An INVALID_VALUE problem. */
    public static Problem invalid(String message) {
        return new Problem(DeadLetterReason.INVALID_VALUE, message);
    }
}

package org.pharmamaturity.producers.gateway;

import org.pharmamaturity.producers.ingest.ParsedRecord;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/** What one plant message became: a validated record, or a reason to send it to the dead-letter topic. */
public sealed interface Outcome {

    /** A record for its contract topic. */
    record Accepted(ParsedRecord<?> record) implements Outcome {
    }

    /**
     * A message the gateway cannot use.
     *
     * @param key the dead letter's key: the equipment when it is known, else the source
     * @param enterpriseId the enterprise when it is known, else null
     */
    record Rejected(DeadLetterReason reason, String message, String key, String enterpriseId) implements Outcome {
    }
}

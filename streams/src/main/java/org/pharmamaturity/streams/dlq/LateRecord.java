package org.pharmamaturity.streams.dlq;

import org.pharmamaturity.schemas.avro.DeadLetter;

/**
 * A record a KPI stage received after its day had closed for good, as it goes to maturity.dlq.
 *
 * @param key the original record's key bytes (the dead-letter topic's key)
 * @param deadLetter the dead letter, reason LATE, holding the record re-encoded for its input topic
 */
public record LateRecord(byte[] key, DeadLetter deadLetter) {
}

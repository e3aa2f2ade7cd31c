package org.pharmamaturity.streams.dlq;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Where a rejected record came from and its original bytes, as a dead letter must keep them.
 *
 * @param topic source topic
 * @param partition source partition (-1 when unknown)
 * @param offset source offset (-1 when unknown)
 * @param timestampMs the record's Kafka timestamp, or -1 when it has none
 * @param key original key bytes (may be null)
 * @param value original value bytes (may be null)
 * @param headers original headers
 */
public record SourceRecord(String topic, int partition, long offset, long timestampMs, byte[] key, byte[] value,
        Headers headers) {

    public SourceRecord {
        headers = headers == null ? new RecordHeaders() : headers;
    }

    /** {@code topic-partition@offset}, for log lines. */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}

package org.pharmamaturity.streams.validation;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.pharmamaturity.streams.dlq.SourceRecord;
import org.pharmamaturity.streams.state.avro.ParkedHeader;
import org.pharmamaturity.streams.state.avro.ParkedRecord;

/**
 * An input record as it waits in a reference-wait store (see {@link ValidationProcessor}) and back: the state record
 * keeps its bytes, headers and coordinates, so that it can be validated again and, if refused, dead-lettered exactly
 * as it would have been on arrival.
 */
public final class ParkedRecords {

    private ParkedRecords() {
    }

    /** {@code source} parked at wall-clock time {@code parkedAtMs}. */
    public static ParkedRecord park(SourceRecord source, long parkedAtMs) {
        List<ParkedHeader> headers = new ArrayList<>();
        for (Header header : source.headers()) {
            headers.add(new ParkedHeader(header.key(), wrap(header.value())));
        }
        return new ParkedRecord(parkedAtMs, source.topic(), source.partition(), source.offset(), source.timestampMs(),
                wrap(source.key()), wrap(source.value()), headers);
    }

    /** The record as it was read from its input topic. */
    public static SourceRecord source(ParkedRecord parked) {
        RecordHeaders headers = new RecordHeaders();
        parked.getHeaders().forEach(header -> headers.add(header.getKey(), bytes(header.getValue())));
        return new SourceRecord(parked.getTopic(), parked.getPartition(), parked.getOffset(), parked.getTimestampMs(),
                bytes(parked.getKey()), bytes(parked.getValue()), headers);
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}

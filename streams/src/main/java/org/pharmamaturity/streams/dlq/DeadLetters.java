package org.pharmamaturity.streams.dlq;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterHeader;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/** Builds the DeadLetter records of maturity.dlq: the source record whole, with why it was refused. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * A dead letter for {@code source}.
     *
     * @param rejectedAtMs processing wall-clock time of the rejection
     * @param enterpriseId the record's enterprise when it could be read, else null
     * @param error the exception that refused it, or null when a validation rule did
     * @param processor the processing step that refused it, or null during deserialization
     */
    public static DeadLetter of(SourceRecord source, DeadLetterReason reason, String message, long rejectedAtMs,
            String enterpriseId, Throwable error, String processor) {
        List<DeadLetterHeader> headers = new ArrayList<>();
        for (Header header : source.headers()) {
            headers.add(new DeadLetterHeader(header.key(), header.value() == null ? null : ByteBuffer.wrap(header.value())));
        }
        return DeadLetter.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(rejectedAtMs))
                .setEnterpriseId(enterpriseId)
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setSourceTimestamp(source.timestampMs() < 0 ? null : Instant.ofEpochMilli(source.timestampMs()))
                .setKey(source.key() == null ? null : ByteBuffer.wrap(source.key()))
                .setValue(source.value() == null ? null : ByteBuffer.wrap(source.value()))
                .setHeaders(headers)
                .setReason(reason)
                .setErrorMessage(message == null || message.isBlank() ? reason.name() : message)
                .setErrorClass(error == null ? null : error.getClass().getName())
                .setProcessor(processor)
                .build();
    }
}

package org.pharmamaturity.producers.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterHeader;

/**
 * The dead letters of the gateway. A plant message has no Kafka coordinates, so {@code sourceTopic} holds its
 * source ({@code mqtt:<topic>} or {@code opcua:<nodeId>}), {@code sourcePartition} and {@code sourceOffset} are -1,
 * {@code value} is the payload exactly as received and the header {@code gateway.source} repeats the source.
 */
final class GatewayDeadLetters {

    /** Header naming the message's source. */
    static final String SOURCE_HEADER = "gateway.source";

    private GatewayDeadLetters() {
    }

    static DeadLetter of(String source, byte[] payload, Outcome.Rejected rejected, Instant rejectedAt) {
        return DeadLetter.newBuilder()
                .setEventId(EventIds.ofRejected(source, payload))
                .setEventTime(rejectedAt)
                .setEnterpriseId(rejected.enterpriseId())
                .setSourceTopic(source)
                .setSourcePartition(-1)
                .setSourceOffset(-1)
                .setSourceTimestamp(null)
                .setKey(ByteBuffer.wrap(rejected.key().getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(payload))
                .setHeaders(List.of(new DeadLetterHeader(SOURCE_HEADER,
                        ByteBuffer.wrap(source.getBytes(StandardCharsets.UTF_8)))))
                .setReason(rejected.reason())
                .setErrorMessage(rejected.message())
                .setErrorClass(null)
                .setProcessor("gateway")
                .build();
    }
}

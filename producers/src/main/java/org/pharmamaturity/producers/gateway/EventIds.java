package org.pharmamaturity.producers.gateway;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from where a message came from and what it says, never random: an MQTT QoS 1 redelivery or an
 * OPC UA republish of the same sample gives the same id, so the gateway sends it once and the pipeline, which
 * deduplicates by {@code eventId}, counts it once.
 */
final class EventIds {

    private EventIds() {
    }

    /** The id of the sample {@code source} (MQTT topic or node id, plus a tag where one source carries several) took at {@code sourceTime}. */
    static String of(String source, String sourceTime) {
        return UUID.nameUUIDFromBytes((source + "|" + sourceTime).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The id of a dead letter for {@code payload} from {@code source}: the same bytes redelivered give the same id. */
    static String ofRejected(String source, byte[] payload) {
        byte[] prefix = ("dead-letter|" + source + "|").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + payload.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(payload, 0, all, prefix.length, payload.length);
        return UUID.nameUUIDFromBytes(all).toString();
    }
}

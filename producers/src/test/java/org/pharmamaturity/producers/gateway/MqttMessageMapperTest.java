package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;

/** Mapping single MQTT messages with the default mapping, without a broker. */
class MqttMessageMapperTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final MqttMessageMapper mapper = new MqttMessageMapper(GatewayMapping.defaultMapping(),
            new RecordAssembler(Set.of("FL-7")));

    @Test
    void aStateNameOutsideTheCodeTablePassesUnchanged() throws Exception {
        Outcome outcome = mapper.map("E/S/a/l/FL-7/state", json("{\"timestamp\": \"2026-03-01T06:00:00Z\", \"state\": \"cleaning\"}"), NOW);
        EquipmentStateChange change = (EquipmentStateChange) ((Outcome.Accepted) outcome).record().value();
        assertThat(change.getState()).isEqualTo(EquipmentState.CLEANING);
    }

    @Test
    void anUnknownCodeAndAFutureTimeAreInvalidValuesNamingTheField() throws Exception {
        // 12:00 now + 5 min allowed skew: 12:06 is in the future
        Outcome outcome = mapper.map("E/S/a/l/FL-7/state", json("{\"timestamp\": \"2026-03-01T12:06:00Z\", \"state\": 9}"), NOW);
        Outcome.Rejected rejected = (Outcome.Rejected) outcome;
        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.INVALID_VALUE);
        assertThat(rejected.message()).contains("eventTime: '2026-03-01T12:06:00Z' is in the future")
                .contains("state: '9' is not one of");
    }

    @Test
    void aJsonArrayIsAMalformedPayload() throws Exception {
        Outcome.Rejected rejected = (Outcome.Rejected) mapper.map("E/S/a/l/FL-7/count", json("[1, 2]"), NOW);
        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.MALFORMED_PAYLOAD);
        assertThat(rejected.key()).isEqualTo("FL-7");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.pharmamaturity.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.streams.state.avro.EnterpriseActivity;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.OeeFigures;
import org.pharmamaturity.streams.state.avro.TelemetryFact;

/** The registry-free serde of internal state: round trips, foreign bytes refused. */
class StateSerdeTest {

    @Test
    void aRecordReadsBackEqual() {
        StateSerde<EnterpriseFact> serde = StateSerde.of(EnterpriseFact.class);
        EnterpriseFact fact = new EnterpriseFact(1_740_816_000_000L, true, new TelemetryFact("EQ1"));
        byte[] bytes = serde.serializer().serialize("t", fact);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(fact);
    }

    @Test
    void bytesOfAnotherSchemaAreRefusedWithAWayOut() {
        byte[] activity = StateSerde.of(EnterpriseActivity.class).serializer()
                .serialize("t", new EnterpriseActivity(1L, 2L, false));
        assertThatThrownBy(() -> StateSerde.of(OeeFigures.class).deserializer().deserialize("t", activity))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("different version of the pipeline");
        assertThatThrownBy(() -> StateSerde.of(OeeFigures.class).deserializer().deserialize("t", new byte[] {1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }
}

package org.pharmamaturity.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.registry.CompatibilityLevel;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;
import org.pharmamaturity.schemas.serde.AvroSerdeException.Reason;

/** Schema evolution on read: the writer schema comes from the registry, the reader schema from the class. */
class EvolutionTest {

    private static final String TOPIC = "evolution.telemetry";

    /** EquipmentTelemetry as an older producer knew it: no unit field yet. */
    private static final Schema TELEMETRY_WITHOUT_UNIT = new Schema.Parser().parse("""
            {"type": "record", "name": "EquipmentTelemetry", "namespace": "org.pharmamaturity.schemas.avro",
             "fields": [
               {"name": "eventId", "type": "string"},
               {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
               {"name": "enterpriseId", "type": "string"},
               {"name": "siteId", "type": "string"},
               {"name": "equipmentId", "type": "string"},
               {"name": "tag", "type": "string"},
               {"name": "value", "type": "double"},
               {"name": "quality", "type": {"type": "enum", "name": "TelemetryQuality",
                                            "symbols": ["GOOD", "UNCERTAIN", "BAD"]}}
             ]}""");

    /** A newer producer's state change with a state this reader does not know, STARVED. */
    private static final Schema STATE_CHANGE_WITH_STARVED = new Schema.Parser().parse("""
            {"type": "record", "name": "EquipmentStateChange", "namespace": "org.pharmamaturity.schemas.avro",
             "fields": [
               {"name": "eventId", "type": "string"},
               {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
               {"name": "enterpriseId", "type": "string"},
               {"name": "siteId", "type": "string"},
               {"name": "equipmentId", "type": "string"},
               {"name": "state", "type": {"type": "enum", "name": "EquipmentState",
                  "symbols": ["RUNNING", "IDLE", "PLANNED_STOP", "UNPLANNED_STOP", "CHANGEOVER", "CLEANING",
                              "MAINTENANCE", "UNKNOWN", "STARVED"], "default": "UNKNOWN"}},
               {"name": "reasonCode", "type": ["null", "string"], "default": null},
               {"name": "operatorNote", "type": ["null", "string"], "default": null}
             ]}""");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(CompatibilityLevel.NONE);

    @Test
    void oldWriterNewReaderFillsTheAddedFieldWithItsDefault() {
        GenericRecord old = new GenericData.Record(TELEMETRY_WITHOUT_UNIT);
        old.put("eventId", "evt-old");
        // 2026-03-01T08:00Z: (56 * 365 + 14 leap days + 31 + 28) = 20513 days * 86400 s + 8 * 3600 s, in ms
        old.put("eventTime", 1_772_352_000_000L);
        old.put("enterpriseId", "ENT-1");
        old.put("siteId", "SITE-1");
        old.put("equipmentId", "EQ-1");
        old.put("tag", "TT-101.PV");
        old.put("value", 21.5);
        old.put("quality", new GenericData.EnumSymbol(TELEMETRY_WITHOUT_UNIT.getField("quality").schema(), "BAD"));

        EquipmentTelemetry read = readAs(EquipmentTelemetry.class, write(old));

        assertThat(read.getEventId()).isEqualTo("evt-old");
        assertThat(read.getEventTime().toString()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(read.getValue()).isEqualTo(21.5);
        assertThat(read.getUnit()).isNull(); // the added field's default
        assertThat(read.getQuality().name()).isEqualTo("BAD");
    }

    @Test
    void newWriterOldReaderSkipsUnknownFieldsAndReadsUnknownSymbolsAsTheDefault() {
        GenericRecord newer = new GenericData.Record(STATE_CHANGE_WITH_STARVED);
        newer.put("eventId", "evt-new");
        newer.put("eventTime", 1_772_352_000_000L);
        newer.put("enterpriseId", "ENT-1");
        newer.put("siteId", "SITE-1");
        newer.put("equipmentId", "EQ-2");
        newer.put("state", new GenericData.EnumSymbol(STATE_CHANGE_WITH_STARVED.getField("state").schema(),
                "STARVED"));
        newer.put("reasonCode", "R-12");
        newer.put("operatorNote", "waiting for vials");

        EquipmentStateChange read = readAs(EquipmentStateChange.class, write(newer));

        assertThat(read.getEquipmentId()).isEqualTo("EQ-2");
        assertThat(read.getState()).isEqualTo(EquipmentState.UNKNOWN);
        assertThat(read.getReasonCode()).isEqualTo("R-12");
    }

    @Test
    void writerMissingARequiredFieldIsRefusedNamingTheField() {
        Schema withoutTag = new Schema.Parser().parse(TELEMETRY_WITHOUT_UNIT.toString().replace(
                "{\"name\":\"tag\",\"type\":\"string\"},", ""));
        GenericRecord noTag = new GenericData.Record(withoutTag);
        noTag.put("eventId", "evt-x");
        noTag.put("eventTime", 0L);
        noTag.put("enterpriseId", "ENT-1");
        noTag.put("siteId", "SITE-1");
        noTag.put("equipmentId", "EQ-1");
        noTag.put("value", 1.0);
        noTag.put("quality", new GenericData.EnumSymbol(withoutTag.getField("quality").schema(), "GOOD"));
        byte[] bytes = write(noTag);

        assertThatThrownBy(() -> readAs(EquipmentTelemetry.class, bytes))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.READER_SCHEMA_MISMATCH);
                    assertThat(e.reason().recordProblem()).isTrue();
                    assertThat(e.topic()).isEqualTo(TOPIC);
                })
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("tag");
    }

    private byte[] write(GenericRecord record) {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        return serializer.serialize(TOPIC, record);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> T readAs(Class<T> type, byte[] bytes) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(registry, type);
        serde.configure(Map.of(), false);
        return serde.deserializer().deserialize(TOPIC, bytes);
    }
}

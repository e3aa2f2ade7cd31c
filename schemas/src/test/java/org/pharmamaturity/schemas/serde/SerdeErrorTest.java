package org.pharmamaturity.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pharmamaturity.schemas.testing.TelemetryBuilder.aTelemetry;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;
import org.pharmamaturity.schemas.serde.AvroSerdeException.Reason;
import org.pharmamaturity.schemas.testing.ClosedPort;
import org.pharmamaturity.schemas.testing.FakeRegistryServer;

/** Every way the serde can fail says what happened and names the topic. */
@Tag("integration")
class SerdeErrorTest {

    private static final String TOPIC = "errors.telemetry";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void wrongMagicByteNamesTheByteAndTheTopic() {
        byte[] json = "{\"value\": 1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer(registry).deserialize(TOPIC, json))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_MAGIC_BYTE);
                    assertThat(e.reason().deadLetterReason()).isEqualTo(DeadLetterReason.NOT_AVRO);
                    assertThat(e.isKey()).isFalse();
                    assertThat(e.schemaId()).isEmpty();
                })
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("first byte is 0x7b"); // '{' = 123 = 0x7b
    }

    @Test
    void fewerBytesThanTheHeaderAreTruncated() {
        assertThatThrownBy(() -> deserializer(registry).deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_PAYLOAD))
                .hasMessageContaining("3 bytes");
    }

    @Test
    void unknownSchemaIdNamesTheIdAndTheTopic() {
        byte[] unknownId = {0, 0, 0, 0, 99, 2, 0x61}; // id 99, then a little Avro

        assertThatThrownBy(() -> deserializer(registry).deserialize(TOPIC, unknownId))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
                    assertThat(e.schemaId()).hasValue(99);
                    assertThat(e.describeAt(2, 1234L)).startsWith(TOPIC + "-2@1234: ");
                })
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("id 99");
    }

    @Test
    void bytesThatDoNotDecodeAreMalformed() {
        byte[] good = serializer(registry).serialize(TOPIC, aTelemetry().build());
        // header (5) + 7 bytes: eventId "evt-1" takes 6 (length byte + 5 chars), so it stops inside eventTime
        byte[] cut = java.util.Arrays.copyOf(good, 12);

        assertThatThrownBy(() -> deserializer(registry).deserialize(TOPIC, cut))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
                    assertThat(e.schemaId()).hasValue(1);
                })
                .hasMessageContaining("writer schema id 1");
    }

    @Test
    void unreachableRegistryNamesTheUrlOnWrite() {
        String url = ClosedPort.registryUrl();
        AvroSerializer<EquipmentTelemetry> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, "max.retries", 1,
                "retries.wait.ms", 10), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, aTelemetry().build()))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNREACHABLE);
                    assertThat(e.reason().recordProblem()).isFalse();
                })
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining(url)
                .hasMessageContaining("2 attempts"); // 1 try + max.retries 1
    }

    @Test
    void unreachableRegistryNamesTheUrlOnRead() {
        String url = ClosedPort.registryUrl();
        AvroDeserializer<EquipmentTelemetry> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, "max.retries", 0), false);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 0, 1, 0}))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNREACHABLE))
                .hasMessageContaining(url);
    }

    @Test
    void incompatibleSchemaCarriesTheRegistrysMessage() throws Exception {
        try (FakeRegistryServer server = new FakeRegistryServer()) {
            server.thenRespond(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible"
                    + " with an earlier schema; READER_FIELD_MISSING_DEFAULT_VALUE\"}");
            AvroSerializer<EquipmentTelemetry> serializer = new AvroSerializer<>();
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);

            assertThatThrownBy(() -> serializer.serialize(TOPIC, aTelemetry().build()))
                    .isInstanceOfSatisfying(AvroSerdeException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA))
                    .hasMessageContaining("topic '" + TOPIC + "'")
                    .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
            assertThat(server.requests()).hasSize(1); // a 4xx is not retried
        }
    }

    @Test
    void unregisteredSchemaWithoutAutoRegisterSaysSo() {
        AvroSerializer<EquipmentTelemetry> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, aTelemetry().build()))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SCHEMA_NOT_REGISTERED))
                .hasMessageContaining(TOPIC + "-value");
    }

    @Test
    void aStringIsNotAnAvroRecord() {
        AvroSerializer<Object> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), true);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, "EQ-1"))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_AVRO_DATA);
                    assertThat(e.isKey()).isTrue();
                })
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("StringSerializer");
    }

    @Test
    void aRecordWithARequiredFieldNullIsRefusedWithTheField() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Named", "namespace": "test",
                 "fields": [{"name": "name", "type": "string"}]}""");
        GenericRecord unnamed = new GenericData.Record(schema);
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, unnamed))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RECORD))
                .hasMessageContaining("test.Named")
                .hasMessageContaining("name");
    }

    @Test
    void aRecordThatFailedHalfwayLeavesNothingBehindForTheNext() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Pair", "namespace": "test",
                 "fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}]}""");
        GenericRecord half = new GenericData.Record(schema);
        half.put("a", "x"); // written into the encoder before b fails
        GenericRecord whole = new GenericData.Record(schema);
        whole.put("a", "x");
        whole.put("b", "n");
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, half)).isInstanceOf(AvroSerdeException.class);
        byte[] bytes = serializer.serialize(TOPIC, whole);

        // header with id 1, then "x" (length 1 -> zigzag 0x02, 'x' = 0x78), then "n" (0x02, 'n' = 0x6e)
        assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x78, 0x02, 0x6e);
    }

    @Test
    void generatedClassMissingForTheWritersRecordNameSaysWhatToSet() {
        Schema unknownRecord = new Schema.Parser().parse("""
                {"type": "record", "name": "NotGenerated", "namespace": "elsewhere",
                 "fields": [{"name": "n", "type": "int"}]}""");
        GenericRecord record = new GenericData.Record(unknownRecord);
        record.put("n", 1);
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        byte[] bytes = serializer.serialize(TOPIC, record);

        assertThatThrownBy(() -> deserializer(registry).deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_READER_CLASS))
                .hasMessageContaining("elsewhere.NotGenerated")
                .hasMessageContaining(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
    }

    @Test
    void missingRegistryUrlIsAConfigError() {
        assertThatThrownBy(() -> new AvroSerializer<EquipmentTelemetry>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url is required");
    }

    @Test
    void valueTypeThatIsNotAGeneratedRecordIsAConfigError() {
        assertThatThrownBy(() -> new AvroDeserializer<EquipmentTelemetry>(registry).configure(Map.of(
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, "java.lang.String"),
                false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE)
                .hasMessageContaining("not a generated Avro SpecificRecord");
    }

    @Test
    void useLatestVersionWithAutoRegisterIsAConfigError() {
        assertThatThrownBy(() -> new AvroSerializer<EquipmentTelemetry>(registry)
                .configure(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas=false");
    }

    private static AvroSerializer<EquipmentTelemetry> serializer(InMemorySchemaRegistryClient client) {
        AvroSerializer<EquipmentTelemetry> serializer = new AvroSerializer<>(client);
        serializer.configure(Map.of(), false);
        return serializer;
    }

    private static AvroDeserializer<EquipmentTelemetry> deserializer(InMemorySchemaRegistryClient client) {
        AvroDeserializer<EquipmentTelemetry> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }
}

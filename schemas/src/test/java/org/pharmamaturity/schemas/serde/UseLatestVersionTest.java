package org.pharmamaturity.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;
import org.pharmamaturity.schemas.serde.AvroSerdeException.Reason;

/** auto.register.schemas=false with use.latest.version=true: records carry the subject's latest schema id. */
class UseLatestVersionTest {

    private static final String TOPIC = "latest.orders";
    private static final Schema V1 = parse("""
            {"type": "record", "name": "Order", "namespace": "test",
             "fields": [{"name": "id", "type": "string"}]}""");
    /** V1 with a doc string: a different text, the same binary encoding. */
    private static final Schema V1_DOCUMENTED = parse("""
            {"type": "record", "name": "Order", "namespace": "test", "doc": "An order.",
             "fields": [{"name": "id", "type": "string", "doc": "Order id."}]}""");
    private static final Schema V2 = parse("""
            {"type": "record", "name": "Order", "namespace": "test",
             "fields": [{"name": "id", "type": "string"},
                        {"name": "priority", "type": "int", "default": 5}]}""");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void sameEncodingUsesTheLatestIdAsItIs() {
        int latestId = registry.register(TOPIC + "-value", V1_DOCUMENTED);

        byte[] bytes = latestSerializer().serialize(TOPIC, order(V1, "o-1"));

        assertThat(bytes).startsWith(WireFormat.header(latestId));
        assertThat(read(bytes).get("id")).hasToString("o-1");
    }

    @Test
    void olderRecordSchemaIsRewrittenInTheLatestSchema() {
        registry.register(TOPIC + "-value", V1);
        int v2Id = registry.register(TOPIC + "-value", V2);

        byte[] bytes = latestSerializer().serialize(TOPIC, order(V1, "o-2"));

        assertThat(bytes).startsWith(WireFormat.header(v2Id));
        GenericRecord read = read(bytes);
        assertThat(read.getSchema()).isEqualTo(V2);
        assertThat(read.get("id")).hasToString("o-2");
        assertThat(read.get("priority")).isEqualTo(5); // V2's default
    }

    @Test
    void latestSchemaThatCannotReadTheRecordIsRefused() {
        Schema renamed = parse("""
                {"type": "record", "name": "Order", "namespace": "test",
                 "fields": [{"name": "orderId", "type": "string"}]}""");
        registry.register(TOPIC + "-value", renamed);

        assertThatThrownBy(() -> latestSerializer().serialize(TOPIC, order(V1, "o-3")))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA))
                .hasMessageContaining("use.latest.version")
                .hasMessageContaining("orderId");
    }

    private AvroSerializer<GenericRecord> latestSerializer() {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);
        return serializer;
    }

    private GenericRecord read(byte[] bytes) {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry);
        deserializer.configure(Map.of(), false);
        return deserializer.deserialize(TOPIC, bytes);
    }

    private static GenericRecord order(Schema schema, String id) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        return record;
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}

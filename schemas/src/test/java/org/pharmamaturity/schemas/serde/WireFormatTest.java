package org.pharmamaturity.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.registry.CompatibilityLevel;
import org.pharmamaturity.schemas.registry.CompatibilityResult;
import org.pharmamaturity.schemas.registry.RegisteredSchema;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;

/** The Confluent wire format, byte by byte, for a record small enough to encode by hand. */
class WireFormatTest {

    private static final Schema TINY = new Schema.Parser().parse("""
            {"type": "record", "name": "Tiny", "namespace": "test",
             "fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "int"}]}""");
    /** 0x01020304: four different bytes, so a wrong byte order shows. */
    private static final int SCHEMA_ID = 16_909_060;

    private static final byte[] EXPECTED = {
        0x00,                   // magic byte
        0x01, 0x02, 0x03, 0x04, // schema id 16909060 = 0x01020304, big-endian
        0x04,                   // string length 2, zigzag: 2 * 2 = 4
        0x61, 0x62,             // "ab" in UTF-8
        0x06,                   // int 3, zigzag: 3 * 2 = 6
    };

    @Test
    void writesMagicByteBigEndianIdThenAvroBinary() {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(new FixedIdClient());
        serializer.configure(Map.of(), false);

        byte[] bytes = serializer.serialize("tiny-topic", tiny("ab", 3));

        assertThat(bytes).containsExactly(EXPECTED);
    }

    @Test
    void readsHandWrittenBytes() {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(new FixedIdClient());
        deserializer.configure(Map.of(), false);

        GenericRecord record = deserializer.deserialize("tiny-topic", EXPECTED);

        assertThat(record.get("id")).hasToString("ab");
        assertThat(record.get("n")).isEqualTo(3);
    }

    @Test
    void headerHelperMatchesTheFormat() {
        assertThat(WireFormat.header(SCHEMA_ID)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
        // 258 = 0x00000102
        assertThat(WireFormat.header(258)).containsExactly(0x00, 0x00, 0x00, 0x01, 0x02);
    }

    private static GenericRecord tiny(String id, int n) {
        GenericRecord record = new GenericData.Record(TINY);
        record.put("id", id);
        record.put("n", n);
        return record;
    }

    /** A registry that knows one schema, under one id. */
    private static final class FixedIdClient implements SchemaRegistryClient {

        @Override
        public int register(String subject, Schema schema) {
            assertThat(subject).isEqualTo("tiny-topic-value");
            return SCHEMA_ID;
        }

        @Override
        public Schema getSchemaById(int id) {
            assertThat(id).isEqualTo(SCHEMA_ID);
            return TINY;
        }

        @Override
        public int getId(String subject, Schema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RegisteredSchema getLatestVersion(String subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompatibilityResult testCompatibility(String subject, Schema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<CompatibilityLevel> getCompatibility(String subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setCompatibility(String subject, CompatibilityLevel level) {
            throw new UnsupportedOperationException();
        }
    }
}

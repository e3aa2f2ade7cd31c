package org.pharmamaturity.producers.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.pharmamaturity.producers.ingest.ParsedRecord;
import org.pharmamaturity.schemas.Topic;

/**
 * How a record waits in the store-and-forward buffer: topic name, key, and the value in plain Avro binary with the
 * generated class's schema. No registry is involved, so records are stored while the registry is unreachable;
 * the serializer registers and frames them when they are sent.
 */
final class BufferedRecords {

    private BufferedRecords() {
    }

    static byte[] encode(ParsedRecord<?> record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(record.topic().name());
            out.writeUTF(record.key());
            out.flush();
            writeValue(record, bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a record for the buffer", e);
        }
    }

    static ParsedRecord<?> decode(byte[] entry) {
        try {
            ByteArrayInputStream bytes = new ByteArrayInputStream(entry);
            DataInputStream in = new DataInputStream(bytes);
            String topicName = in.readUTF();
            String key = in.readUTF();
            Topic<?> topic = Topic.byName(topicName).orElseThrow(() -> new IllegalStateException(
                    "the buffer holds a record for '" + topicName + "', which is not a topic of the pipeline"));
            return readValue(topic, key, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a buffered record", e);
        }
    }

    private static <V extends SpecificRecord> void writeValue(ParsedRecord<V> record, ByteArrayOutputStream bytes)
            throws IOException {
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        new SpecificDatumWriter<V>(record.topic().valueSchema()).write(record.value(), encoder);
        encoder.flush();
    }

    private static <V extends SpecificRecord> ParsedRecord<V> readValue(Topic<V> topic, String key,
            ByteArrayInputStream bytes) throws IOException {
        BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(bytes, null);
        V value = new SpecificDatumReader<>(topic.valueClass()).read(null, decoder);
        return new ParsedRecord<>(topic, key, value);
    }
}

package org.pharmamaturity.streams.validation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.pharmamaturity.streams.dlq.SourceRecord;

/**
 * An input record waiting in a reference-wait store (see {@link ValidationProcessor}): the record as it came, bytes,
 * headers and coordinates, so that it can be validated again and, if it is refused, dead-lettered exactly as it
 * would have been on arrival; and when it was parked (wall clock).
 *
 * @param source the record as read from its input topic
 * @param parkedAtMs the processing (wall-clock) time at which it was parked
 */
public record ParkedRecord(SourceRecord source, long parkedAtMs) {

    private static final byte FORMAT = 1;

    /** The serde of the reference-wait stores and their changelogs: a versioned binary layout of the fields. */
    public static Serde<ParkedRecord> serde() {
        Serializer<ParkedRecord> serializer = (topic, parked) -> parked == null ? null : encode(parked);
        Deserializer<ParkedRecord> deserializer = (topic, bytes) -> bytes == null ? null : decode(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] encode(ParkedRecord parked) {
        SourceRecord source = parked.source();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT);
            out.writeLong(parked.parkedAtMs());
            out.writeUTF(source.topic());
            out.writeInt(source.partition());
            out.writeLong(source.offset());
            out.writeLong(source.timestampMs());
            writeBytes(out, source.key());
            writeBytes(out, source.value());
            Header[] headers = source.headers().toArray();
            out.writeInt(headers.length);
            for (Header header : headers) {
                out.writeUTF(header.key());
                writeBytes(out, header.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static ParkedRecord decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("A parked record of format " + format + ", this version reads "
                        + FORMAT);
            }
            long parkedAtMs = in.readLong();
            String topic = in.readUTF();
            int partition = in.readInt();
            long offset = in.readLong();
            long timestampMs = in.readLong();
            byte[] key = readBytes(in);
            byte[] value = readBytes(in);
            int headerCount = in.readInt();
            Headers headers = new RecordHeaders();
            for (int i = 0; i < headerCount; i++) {
                headers.add(in.readUTF(), readBytes(in));
            }
            return new ParkedRecord(new SourceRecord(topic, partition, offset, timestampMs, key, value, headers),
                    parkedAtMs);
        } catch (IOException e) {
            throw new SerializationException("A parked record that cannot be read", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}

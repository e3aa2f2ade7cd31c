package org.pharmamaturity.streams.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.pharmamaturity.schemas.serde.TrustedAvroPackages;

/**
 * The serde of everything that stays inside the pipeline: state-store values, changelogs and repartition topics.
 * It writes Avro's single-object encoding (two marker bytes, the 8-byte CRC-64 fingerprint of the schema, the
 * binary record) and never calls the schema registry, so local state cannot be poisoned by a registry that was
 * rebuilt and lost its ids (a crash loop reported for registry-framed state, peers.md 4.3), and a repartition
 * hop costs no registry lookup. A record of another schema is refused with a message naming the way out.
 *
 * @param <T> the generated Avro class
 */
public final class StateSerde<T extends SpecificRecord> implements Serde<T> {

    private static final int FINGERPRINT_OFFSET = 2;

    private final Class<T> type;
    private final long fingerprint;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private StateSerde(Class<T> type) {
        TrustedAvroPackages.trustPackageOf(type);
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.type = type;
        this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
    }

    /** The serde of one generated class. */
    public static <T extends SpecificRecord> StateSerde<T> of(Class<T> type) {
        return new StateSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(topic, bytes);
    }

    private byte[] encode(T record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            encoder.encode(record, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("Could not encode " + type.getSimpleName() + ": " + e, e);
        }
    }

    private T decode(String topic, byte[] bytes) {
        if (bytes.length < FINGERPRINT_OFFSET + Long.BYTES) {
            throw new SerializationException("State record of " + bytes.length + " bytes on " + topic
                    + " is too short for Avro's single-object encoding; the store or topic holds foreign data.");
        }
        long found = ByteBuffer.wrap(bytes, FINGERPRINT_OFFSET, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (found != fingerprint) {
            throw new SerializationException("State record on " + topic + " has schema fingerprint "
                    + Long.toHexString(found) + ", not the one of " + type.getSimpleName() + ": it was written by a"
                    + " different version of the pipeline. Reset the application's state (kafka-streams-application-reset)"
                    + " or run the version that wrote it.");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException e) {
            throw new SerializationException("Could not decode a " + type.getSimpleName() + " state record on "
                    + topic + ": " + e, e);
        }
    }
}

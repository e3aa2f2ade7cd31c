package org.pharmamaturity.benchmarks.pipeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.pharmamaturity.streams.state.StateSerde;

/**
 * The skeleton's repartition serde: the pipeline's {@link StateSerde} (Avro single-object encoding) for a stream
 * that mixes the event records, each decoded by the class whose schema fingerprint its bytes carry. The pipeline
 * repartitions each record type on a topic of its own; the skeleton, which repartitions them all once, needs this.
 */
final class AnyEventSerde implements Serde<SpecificRecord> {

    /** Where single-object encoding puts the schema fingerprint: after its two marker bytes. */
    private static final int FINGERPRINT_OFFSET = 2;

    private final Map<Class<?>, Serializer<SpecificRecord>> serializers = new HashMap<>();
    private final Map<Long, Deserializer<SpecificRecord>> deserializers = new HashMap<>();

    @SuppressWarnings("unchecked")
    AnyEventSerde(List<Class<? extends SpecificRecord>> types) {
        for (Class<? extends SpecificRecord> type : types) {
            StateSerde<SpecificRecord> serde = StateSerde.of((Class<SpecificRecord>) type);
            serializers.put(type, serde.serializer());
            long fingerprint = SchemaNormalization.parsingFingerprint64(SpecificData.get().getSchema(type));
            deserializers.put(fingerprint, serde.deserializer());
        }
    }

    @Override
    public Serializer<SpecificRecord> serializer() {
        return (topic, record) -> record == null ? null : serializerOf(record.getClass()).serialize(topic, record);
    }

    @Override
    public Deserializer<SpecificRecord> deserializer() {
        return (topic, bytes) -> bytes == null ? null : deserializerOf(topic, bytes).deserialize(topic, bytes);
    }

    private Serializer<SpecificRecord> serializerOf(Class<?> type) {
        Serializer<SpecificRecord> serializer = serializers.get(type);
        if (serializer == null) {
            throw new SerializationException("The skeleton does not repartition " + type.getSimpleName());
        }
        return serializer;
    }

    private Deserializer<SpecificRecord> deserializerOf(String topic, byte[] bytes) {
        long fingerprint = bytes.length < FINGERPRINT_OFFSET + Long.BYTES ? 0
                : ByteBuffer.wrap(bytes, FINGERPRINT_OFFSET, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Deserializer<SpecificRecord> deserializer = deserializers.get(fingerprint);
        if (deserializer == null) {
            throw new SerializationException("A record on " + topic + " has no schema the skeleton knows");
        }
        return deserializer;
    }
}

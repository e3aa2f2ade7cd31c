package org.pharmamaturity.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.pharmamaturity.schemas.registry.AvroCompatibility;
import org.pharmamaturity.schemas.registry.BoundedCache;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;
import org.pharmamaturity.schemas.registry.SchemaRegistryException;
import org.pharmamaturity.schemas.serde.AvroSerdeException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka deserializer reading records in the Confluent wire format, a drop-in for Confluent's
 * {@code KafkaAvroDeserializer} with the same config keys (see {@link AvroSerdeConfig}).
 *
 * <p>The writer schema comes from the registry by the id in the header (fetched once per id). With
 * {@code specific.avro.reader=true} the record is read into a generated class, whose schema is the reader
 * schema, so records written with an older or newer compatible schema are resolved by Avro's evolution rules; the
 * class is {@code specific.avro.value.type} / {@code specific.avro.key.type} when set, else the class named like
 * the writer's record. The class's package is added to Avro's trusted packages (see {@link TrustedAvroPackages}).
 * Otherwise the result is a {@code GenericRecord} in the writer schema. Null bytes (a tombstone) give null.
 *
 * <p>Failures are {@link AvroSerdeException}s naming the topic and the reason; the partition and offset are not
 * visible to a deserializer, see that class for how they reach the caller. Thread-safe.
 *
 * @param <T> the record type
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private static final Logger LOG = LoggerFactory.getLogger(AvroDeserializer.class);
    /** Readers kept per deserializer; a topic sees a handful of writer schema ids. */
    private static final int READER_CACHE_CAPACITY = 1_000;
    private static final ThreadLocal<DecoderSlot> DECODERS = ThreadLocal.withInitial(DecoderSlot::new);

    private final RegistryConnection registry;
    private final Class<? extends SpecificRecord> pinnedReaderClass;
    private final BoundedCache<Integer, PreparedReader> readers = new BoundedCache<>(READER_CACHE_CAPACITY);
    /** The reader of the previous record: most topics carry one schema id, and this skips the map. */
    private volatile PreparedReader last;
    private boolean isKey;
    private boolean specific;
    private Optional<Class<? extends SpecificRecord>> readerClass = Optional.empty();

    /** A deserializer that builds its registry client from {@code schema.registry.url} in {@link #configure}. */
    public AvroDeserializer() {
        this(RegistryConnection.fromConfig(), null);
    }

    /** A deserializer using the given registry client (e.g. an {@code InMemorySchemaRegistryClient} in tests). */
    public AvroDeserializer(SchemaRegistryClient client) {
        this(RegistryConnection.injected(client), null);
    }

    /** For {@link SpecificAvroSerde}: always reads into the given generated class. */
    AvroDeserializer(RegistryConnection registry, Class<? extends SpecificRecord> pinnedReaderClass) {
        this.registry = registry;
        this.pinnedReaderClass = pinnedReaderClass;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        this.specific = pinnedReaderClass != null || config.specificAvroReader();
        this.readerClass = pinnedReaderClass != null ? Optional.of(pinnedReaderClass)
                : specific ? config.specificType(isKey) : Optional.empty();
        readerClass.ifPresent(TrustedAvroPackages::trustPackageOf);
        registry.configure(configs);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return data == null ? null : read(topic, data, 0, data.length);
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            // Read in place: the consumer hands a view of its fetch buffer, and copying it costs a record's size.
            return read(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return read(topic, copy, 0, copy.length);
    }

    // The per-record path is kept small, with the failure messages built in separate methods, so the JIT inlines
    // it into Kafka's call and still has inlining depth left for Avro's reader.
    @SuppressWarnings("unchecked")
    private T read(String topic, byte[] bytes, int offset, int length) {
        if (length < WireFormat.HEADER_SIZE || bytes[offset] != WireFormat.MAGIC_BYTE) {
            throw notFramed(topic, bytes, offset, length);
        }
        PreparedReader reader = readerFor(topic, WireFormat.schemaId(bytes, offset));
        if (reader.problem() != null) {
            throw SerdeErrors.deserialize(reader.problemReason(), topic, isKey, reader.schemaId(), reader.problem(),
                    null);
        }
        DecoderSlot slot = DECODERS.get();
        slot.decoder = DecoderFactory.get().binaryDecoder(bytes, offset + WireFormat.HEADER_SIZE,
                length - WireFormat.HEADER_SIZE, slot.decoder);
        try {
            return (T) reader.datumReader().read(null, slot.decoder);
        } catch (IOException | RuntimeException e) {
            throw malformed(topic, reader, length, e);
        }
    }

    private PreparedReader readerFor(String topic, int schemaId) {
        PreparedReader previous = last;
        return previous != null && previous.schemaId() == schemaId ? previous : readerFromCache(topic, schemaId);
    }

    private PreparedReader readerFromCache(String topic, int schemaId) {
        PreparedReader reader = readers.computeIfAbsent(schemaId, id -> {
            PreparedReader prepared = prepare(topic, id);
            LOG.info("Reading topic {} schema id {} ({}){}", topic, id, prepared.writerSchema().getFullName(),
                    prepared.problem() == null ? "" : ": refused, " + prepared.problem());
            return prepared;
        });
        last = reader;
        return reader;
    }

    private AvroSerdeException notFramed(String topic, byte[] bytes, int offset, int length) {
        if (length > 0 && bytes[offset] != WireFormat.MAGIC_BYTE) {
            return SerdeErrors.deserialize(Reason.WRONG_MAGIC_BYTE, topic, isKey, null, String.format(
                    "the first byte is 0x%02x, not the Confluent magic byte 0x00, so the bytes were not written by a"
                            + " schema-registry Avro serializer (%d bytes, starting %s).",
                    bytes[offset] & 0xff, length, hexPrefix(bytes, offset, length)), null);
        }
        return SerdeErrors.deserialize(Reason.TRUNCATED_PAYLOAD, topic, isKey, null, "it has " + length
                + " bytes, fewer than the 5-byte header (magic byte and schema id).", null);
    }

    private AvroSerdeException malformed(String topic, PreparedReader reader, int length, Exception cause) {
        return SerdeErrors.deserialize(Reason.MALFORMED_PAYLOAD, topic, isKey, reader.schemaId(), "the " + length
                + " bytes do not decode with writer schema id " + reader.schemaId() + " ("
                + reader.writerSchema().getFullName() + "): " + cause, cause);
    }

    private PreparedReader prepare(String topic, int schemaId) {
        Schema writer;
        try {
            writer = registry.client().getSchemaById(schemaId);
        } catch (SchemaRegistryException e) {
            throw SerdeErrors.fromRegistry(e, false, topic, isKey, schemaId);
        }
        if (!specific) {
            return PreparedReader.ready(schemaId, writer, new GenericDatumReader<>(writer, writer, GenericData.get()));
        }
        Optional<Class<? extends SpecificRecord>> target = readerClass.or(() -> classNamedLike(writer));
        if (target.isEmpty()) {
            return PreparedReader.failing(schemaId, writer, Reason.NO_READER_CLASS, "writer schema id " + schemaId
                    + " is " + writer.getFullName() + ", and no generated Avro class of that name is on the classpath."
                    + " Set "
                    + (isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE)
                    + " to the class to read into, or read GenericRecords (specific.avro.reader=false).");
        }
        Class<? extends SpecificRecord> type = target.get();
        TrustedAvroPackages.trustPackageOf(type);
        SpecificData model = SpecificData.getForClass(type);
        Schema readerSchema = model.getSchema(type);
        List<String> problems = AvroCompatibility.readProblems(readerSchema, writer);
        if (!problems.isEmpty()) {
            return PreparedReader.failing(schemaId, writer, Reason.READER_SCHEMA_MISMATCH, "records written with"
                    + " schema id " + schemaId + " (" + writer.getFullName() + ") cannot be read as "
                    + type.getName() + ": " + problems);
        }
        return PreparedReader.ready(schemaId, writer, new SpecificDatumReader<>(writer, readerSchema, model));
    }

    /** The generated record class with the writer schema's full name, if there is one. */
    private static Optional<Class<? extends SpecificRecord>> classNamedLike(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD) {
            return Optional.empty();
        }
        try {
            // Loaded without initialising it: only a generated SpecificRecord is accepted, nothing else runs.
            Class<?> type = Class.forName(writer.getFullName(), false, AvroSerdeConfig.classLoader());
            return SpecificRecord.class.isAssignableFrom(type)
                    ? Optional.of(type.asSubclass(SpecificRecord.class)) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String hexPrefix(byte[] bytes, int offset, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(length, 8); i++) {
            hex.append(String.format("%02x ", bytes[offset + i] & 0xff));
        }
        return hex.toString().trim();
    }

    /** A reusable decoder per thread; decoders hold state and are not thread-safe. */
    private static final class DecoderSlot {
        private BinaryDecoder decoder;
    }

    /**
     * How records with one writer schema id are read: a ready DatumReader, or the reason they cannot be (kept, so a
     * topic full of such records does not ask the registry again for each).
     */
    private record PreparedReader(int schemaId, Schema writerSchema, DatumReader<Object> datumReader,
            Reason problemReason, String problem) {

        static PreparedReader ready(int schemaId, Schema writer, DatumReader<Object> reader) {
            return new PreparedReader(schemaId, writer, reader, null, null);
        }

        static PreparedReader failing(int schemaId, Schema writer, Reason reason, String problem) {
            return new PreparedReader(schemaId, writer, null, reason, problem);
        }
    }
}

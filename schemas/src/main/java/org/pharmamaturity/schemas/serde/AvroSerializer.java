package org.pharmamaturity.schemas.serde;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.pharmamaturity.schemas.registry.AvroCompatibility;
import org.pharmamaturity.schemas.registry.BoundedCache;
import org.pharmamaturity.schemas.registry.RegisteredSchema;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;
import org.pharmamaturity.schemas.registry.SchemaRegistryException;
import org.pharmamaturity.schemas.serde.AvroSerdeException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka serializer writing Avro records (generated {@code SpecificRecord}s or {@code GenericRecord}s) in the
 * Confluent wire format, a drop-in for Confluent's {@code KafkaAvroSerializer} with the same config keys (see
 * {@link AvroSerdeConfig}) and TopicNameStrategy subjects {@code <topic>-value} / {@code <topic>-key}.
 *
 * <p>The schema id is obtained once per (topic, schema) and kept with a ready {@code DatumWriter}, so after the
 * first record of a schema no registry call and no schema-to-string conversion happens. How the id is obtained:
 * with {@code auto.register.schemas=true} (default) by registering; otherwise with {@code use.latest.version=true}
 * from the subject's latest version (looked up once; the record is rewritten in that schema when it differs and
 * is readable by it); otherwise by looking the record's schema up under the subject.
 *
 * <p>Thread-safe: one instance may serve a producer shared by many threads.
 *
 * @param <T> the record type
 */
public class AvroSerializer<T> implements Serializer<T> {

    private static final Logger LOG = LoggerFactory.getLogger(AvroSerializer.class);
    /** Writers kept per serializer; a producer writes a handful of (topic, schema) pairs. */
    private static final int WRITER_CACHE_CAPACITY = 1_000;
    private static final ThreadLocal<EncodingBuffer> BUFFERS = ThreadLocal.withInitial(EncodingBuffer::new);

    private final RegistryConnection registry;
    private final BoundedCache<WriterKey, PreparedWriter> writers = new BoundedCache<>(WRITER_CACHE_CAPACITY);
    /** The writer of the previous record: most producers write one schema to one topic, and this skips the map. */
    private volatile PreparedWriter last;
    private AvroSerdeConfig config;
    private boolean isKey;

    /** A serializer that builds its registry client from {@code schema.registry.url} in {@link #configure}. */
    public AvroSerializer() {
        this(RegistryConnection.fromConfig());
    }

    /** A serializer using the given registry client (e.g. an {@code InMemorySchemaRegistryClient} in tests). */
    public AvroSerializer(SchemaRegistryClient client) {
        this(RegistryConnection.injected(client));
    }

    AvroSerializer(RegistryConnection registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        registry.configure(configs);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        if (data == null) {
            return null;
        }
        PreparedWriter writer = writerFor(topic, data);
        EncodingBuffer buffer = BUFFERS.get();
        // Kept small and flat, failure messages built elsewhere: Avro's writer recursion is deep, and every frame
        // and bytecode saved here leaves the JIT room to inline it.
        try {
            writer.datumWriter().write(data, buffer.start(writer.header()));
            return buffer.finish();
        } catch (IOException | RuntimeException e) {
            throw invalidRecord(topic, writer, e);
        }
    }

    private PreparedWriter writerFor(String topic, T data) {
        if (!(data instanceof GenericContainer container)) {
            throw notAvro(topic, data);
        }
        Schema schema = container.getSchema();
        PreparedWriter previous = last;
        if (previous != null && previous.schema() == schema && previous.recordClass() == data.getClass()
                && previous.topic().equals(topic)) {
            return previous;
        }
        return writerFromCache(topic, schema, data.getClass());
    }

    private PreparedWriter writerFromCache(String topic, Schema schema, Class<?> recordClass) {
        PreparedWriter writer = writers.computeIfAbsent(new WriterKey(topic, schema, recordClass), key -> {
            PreparedWriter prepared = prepare(key);
            LOG.info("Writing {} to topic {} with schema id {}", schema.getFullName(), topic, prepared.schemaId());
            return prepared;
        });
        last = writer;
        return writer;
    }

    private AvroSerdeException notAvro(String topic, Object data) {
        return SerdeErrors.serialize(Reason.NOT_AVRO_DATA, topic, isKey, null, "a " + data.getClass().getName()
                + " is not an Avro record; this serializer writes generated Avro classes and GenericRecords"
                + " (use Kafka's StringSerializer for string keys).", null);
    }

    private AvroSerdeException invalidRecord(String topic, PreparedWriter writer, Exception cause) {
        return SerdeErrors.serialize(Reason.INVALID_RECORD, topic, isKey, writer.schemaId(),
                "the " + writer.schema().getFullName() + " record does not match its schema (" + cause
                        + "). Check that every non-null field is set.", cause);
    }

    private PreparedWriter prepare(WriterKey key) {
        if (config == null) {
            throw new IllegalStateException("configure(configs, isKey) was not called on the serializer");
        }
        String subject = key.topic() + (isKey ? "-key" : "-value");
        DatumWriter<Object> own = datumWriter(key.schema(), key.recordClass());
        SchemaRegistryClient client = registry.client();
        try {
            if (config.autoRegisterSchemas()) {
                return new PreparedWriter(key, client.register(subject, key.schema()), own);
            }
            if (config.useLatestVersion()) {
                return latestVersionWriter(key, subject, own, client.getLatestVersion(subject));
            }
            return new PreparedWriter(key, client.getId(subject, key.schema()), own);
        } catch (SchemaRegistryException e) {
            throw SerdeErrors.fromRegistry(e, true, key.topic(), isKey, null);
        }
    }

    private PreparedWriter latestVersionWriter(WriterKey key, String subject, DatumWriter<Object> own,
            RegisteredSchema latest) {
        // Same parsing canonical form = same binary encoding, so the record's own writer produces the latest's bytes.
        if (SchemaNormalization.parsingFingerprint64(latest.schema())
                == SchemaNormalization.parsingFingerprint64(key.schema())) {
            return new PreparedWriter(key, latest.id(), own);
        }
        List<String> problems = AvroCompatibility.readProblems(latest.schema(), key.schema());
        if (!problems.isEmpty()) {
            throw SerdeErrors.serialize(Reason.INCOMPATIBLE_SCHEMA, key.topic(), isKey, latest.id(),
                    "use.latest.version is set, but the latest schema of subject '" + subject + "' (version "
                            + latest.version() + ", id " + latest.id() + ") cannot read records of "
                            + key.schema().getFullName() + ": " + problems, null);
        }
        return new PreparedWriter(key, latest.id(), new ProjectingDatumWriter(own, key.schema(), latest.schema()));
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> datumWriter(Schema schema, Class<?> recordClass) {
        // Generated classes carry their own model (with the logical-type conversions, e.g. Instant for timestamps).
        if (SpecificRecord.class.isAssignableFrom(recordClass) || recordClass.isEnum()) {
            // Trusted for the application's own reads and record builders (their defaults are read by Avro).
            TrustedAvroPackages.trustPackageOf(recordClass);
            return new SpecificDatumWriter<>(schema, SpecificData.getForClass((Class<Object>) recordClass));
        }
        return new GenericDatumWriter<>(schema, GenericData.get());
    }

    /** A writer is specific to the topic (subject), the schema, and the record class (data model). */
    private record WriterKey(String topic, Schema schema, Class<?> recordClass) {
    }

    /** Everything needed to write one record: the header with the schema id and a ready DatumWriter. */
    private record PreparedWriter(String topic, Schema schema, Class<?> recordClass, int schemaId, byte[] header,
            DatumWriter<Object> datumWriter) {

        PreparedWriter(WriterKey key, int schemaId, DatumWriter<Object> datumWriter) {
            this(key.topic(), key.schema(), key.recordClass(), schemaId, WireFormat.header(schemaId), datumWriter);
        }
    }
}

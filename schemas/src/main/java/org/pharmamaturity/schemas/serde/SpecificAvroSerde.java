package org.pharmamaturity.schemas.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;

/**
 * Kafka Streams serde for generated Avro classes in the Confluent wire format, a drop-in for Confluent's
 * {@code SpecificAvroSerde}: {@code specific.avro.reader} is always true. Given a class, it always reads into that
 * class (the class's schema is the reader schema); without one, the writer's record name picks the class.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** For Kafka Streams' {@code default.value.serde}: the registry client comes from the config. */
    public SpecificAvroSerde() {
        this(RegistryConnection.fromConfig(), RegistryConnection.fromConfig(), null);
    }

    /** Reads into {@code type}; the registry client comes from the config. */
    public SpecificAvroSerde(Class<T> type) {
        this(RegistryConnection.fromConfig(), RegistryConnection.fromConfig(), type);
    }

    /** Uses the given registry client; the writer's record name picks the class. */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this(RegistryConnection.injected(client), RegistryConnection.injected(client), null);
    }

    /** Reads into {@code type} using the given registry client. */
    public SpecificAvroSerde(SchemaRegistryClient client, Class<T> type) {
        this(RegistryConnection.injected(client), RegistryConnection.injected(client), type);
    }

    private SpecificAvroSerde(RegistryConnection forWriting, RegistryConnection forReading, Class<T> type) {
        this.serializer = new AvroSerializer<>(forWriting);
        this.deserializer = new AvroDeserializer<>(forReading, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specificConfigs = new HashMap<>(configs);
        specificConfigs.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(specificConfigs, isKey);
        deserializer.configure(specificConfigs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}

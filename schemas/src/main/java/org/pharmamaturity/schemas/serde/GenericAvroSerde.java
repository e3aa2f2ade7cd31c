package org.pharmamaturity.schemas.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;

/**
 * Kafka Streams serde for {@link GenericRecord}s in the Confluent wire format, a drop-in for Confluent's
 * {@code GenericAvroSerde}: records are read in their writer schema ({@code specific.avro.reader} is always false).
 */
public class GenericAvroSerde implements Serde<GenericRecord> {

    private final AvroSerializer<GenericRecord> serializer;
    private final AvroDeserializer<GenericRecord> deserializer;

    /** For Kafka Streams' {@code default.value.serde}: the registry client comes from the config. */
    public GenericAvroSerde() {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>();
    }

    /** Uses the given registry client. */
    public GenericAvroSerde(SchemaRegistryClient client) {
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> genericConfigs = new HashMap<>(configs);
        genericConfigs.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        serializer.configure(genericConfigs, isKey);
        deserializer.configure(genericConfigs, isKey);
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return deserializer;
    }
}

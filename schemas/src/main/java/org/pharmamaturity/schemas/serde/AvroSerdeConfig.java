package org.pharmamaturity.schemas.serde;

import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Type.BOOLEAN;
import static org.apache.kafka.common.config.ConfigDef.Type.CLASS;

import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.pharmamaturity.schemas.config.Expectation;
import org.pharmamaturity.schemas.config.GivenValues;
import org.pharmamaturity.schemas.registry.RegistryClientConfig;

/**
 * The serde's settings, read once from Confluent's config keys, so a configuration written for Confluent's
 * {@code KafkaAvroSerializer}/{@code KafkaAvroDeserializer} works here unchanged and the other way round. The
 * registry connection keys ({@link #SCHEMA_REGISTRY_URL}, basic auth, timeouts, retries) are read by
 * {@link RegistryClientConfig}.
 *
 * @param autoRegisterSchemas register the record's schema under the subject on first use
 * @param useLatestVersion write with the subject's latest schema (needs autoRegisterSchemas false)
 * @param specificAvroReader deserialize into generated classes rather than {@code GenericRecord}
 * @param specificKeyType the generated class to read keys into; by default the writer's record name decides
 * @param specificValueType the generated class to read values into; by default the writer's record name decides
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion, boolean specificAvroReader,
        Optional<Class<? extends SpecificRecord>> specificKeyType,
        Optional<Class<? extends SpecificRecord>> specificValueType) {

    public static final String SCHEMA_REGISTRY_URL = RegistryClientConfig.SCHEMA_REGISTRY_URL;
    public static final String BASIC_AUTH_USER_INFO = RegistryClientConfig.BASIC_AUTH_USER_INFO;
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(AUTO_REGISTER_SCHEMAS, BOOLEAN, true, Expectation.TRUE_OR_FALSE, MEDIUM,
                    "Register the record's schema under the subject on first use.")
            .define(USE_LATEST_VERSION, BOOLEAN, false, Expectation.TRUE_OR_FALSE, MEDIUM,
                    "Write with the subject's latest registered schema; needs " + AUTO_REGISTER_SCHEMAS + "=false.")
            .define(SPECIFIC_AVRO_READER, BOOLEAN, false, Expectation.TRUE_OR_FALSE, MEDIUM,
                    "Deserialize into generated SpecificRecord classes rather than GenericRecord.")
            .define(SPECIFIC_AVRO_KEY_TYPE, CLASS, null, LOW, "The generated class to read keys into when "
                    + SPECIFIC_AVRO_READER + " is true; by default the writer's record name decides.")
            .define(SPECIFIC_AVRO_VALUE_TYPE, CLASS, null, LOW, "The generated class to read values into when "
                    + SPECIFIC_AVRO_READER + " is true; by default the writer's record name decides.");

    /** Every setting of the serde but the registry connection's ({@link RegistryClientConfig#configDef()}). */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** Reads the serde settings from a Kafka-style config map. */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        AbstractConfig values = new AbstractConfig(CONFIG, GivenValues.of(configs), false);
        boolean autoRegister = values.getBoolean(AUTO_REGISTER_SCHEMAS);
        boolean useLatest = values.getBoolean(USE_LATEST_VERSION);
        if (autoRegister && useLatest) {
            throw new ConfigException(USE_LATEST_VERSION + "=true needs " + AUTO_REGISTER_SCHEMAS
                    + "=false (Confluent's serializer silently ignores it otherwise); set both.");
        }
        return new AvroSerdeConfig(autoRegister, useLatest, values.getBoolean(SPECIFIC_AVRO_READER),
                recordClass(values, SPECIFIC_AVRO_KEY_TYPE), recordClass(values, SPECIFIC_AVRO_VALUE_TYPE));
    }

    /** The generated class configured for keys or values. */
    Optional<Class<? extends SpecificRecord>> specificType(boolean isKey) {
        return isKey ? specificKeyType : specificValueType;
    }

    /** The loader for configured and writer-named classes: the thread's, as Kafka's own config classes use. */
    static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AvroSerdeConfig.class.getClassLoader();
    }

    private static Optional<Class<? extends SpecificRecord>> recordClass(AbstractConfig values, String key) {
        Class<?> type = values.getClass(key);
        if (type == null) {
            return Optional.empty();
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, type.getName(), "not a generated Avro SpecificRecord class");
        }
        return Optional.of(type.asSubclass(SpecificRecord.class));
    }
}

package org.pharmamaturity.schemas.serde;

import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.pharmamaturity.schemas.registry.ConfigValues;
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

    /** Registry base URL(s), comma-separated (see {@link RegistryClientConfig#SCHEMA_REGISTRY_URL}). */
    public static final String SCHEMA_REGISTRY_URL = RegistryClientConfig.SCHEMA_REGISTRY_URL;
    /** {@code user:password} (see {@link RegistryClientConfig#BASIC_AUTH_USER_INFO}). */
    public static final String BASIC_AUTH_USER_INFO = RegistryClientConfig.BASIC_AUTH_USER_INFO;
    /** {@code USER_INFO} or {@code URL} (see {@link RegistryClientConfig#BASIC_AUTH_CREDENTIALS_SOURCE}). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
    /** Register schemas on first use (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Write with the subject's latest registered schema (default false; needs auto.register.schemas=false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Deserialize into generated SpecificRecord classes (default false: GenericRecord). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Generated class (or its name) to read keys into when specific.avro.reader is true. */
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    /** Generated class (or its name) to read values into when specific.avro.reader is true. */
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    /** Reads the serde settings from a Kafka-style config map. */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        ConfigValues values = ConfigValues.of(configs);
        boolean autoRegister = values.bool(AUTO_REGISTER_SCHEMAS, true);
        boolean useLatest = values.bool(USE_LATEST_VERSION, false);
        if (autoRegister && useLatest) {
            throw new ConfigException(USE_LATEST_VERSION + "=true needs " + AUTO_REGISTER_SCHEMAS
                    + "=false (Confluent's serializer silently ignores it otherwise); set both.");
        }
        return new AvroSerdeConfig(autoRegister, useLatest, values.bool(SPECIFIC_AVRO_READER, false),
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

    private static Optional<Class<? extends SpecificRecord>> recordClass(ConfigValues values, String key) {
        Optional<Object> raw = values.raw(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Class<?> type;
        if (raw.get() instanceof Class<?> c) {
            type = c;
        } else {
            String name = raw.get().toString().trim();
            try {
                type = Class.forName(name, false, classLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(key, name, "no such class on the classpath");
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, type.getName(), "not a generated Avro SpecificRecord class");
        }
        return Optional.of(type.asSubclass(SpecificRecord.class));
    }
}

package org.pharmamaturity.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.schemas.testing.TelemetryBuilder.aTelemetry;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.KpiValue;
import org.pharmamaturity.schemas.avro.OeeComponents;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;
import org.pharmamaturity.schemas.testing.CountingRegistryClient;

/** Serializer and deserializer against the in-memory registry: round trips, subjects, nulls, caching, threads. */
class SerdeRoundTripTest {

    private static final String TELEMETRY = Topic.FACTORY_EQUIPMENT_TELEMETRY.name();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void specificRecordComesBackEqual() {
        EquipmentTelemetry telemetry = aTelemetry().equipment("EQ-7").value(42.25).build();

        AvroDeserializer<EquipmentTelemetry> deserializer = specificDeserializer();
        EquipmentTelemetry read = deserializer.deserialize(TELEMETRY, serializer().serialize(TELEMETRY, telemetry));

        assertThat(read).isEqualTo(telemetry);
    }

    @Test
    void nestedRecordsMapsAndLogicalTypesComeBackEqual() {
        EquipmentKpi kpi = EquipmentKpi.newBuilder()
                .setEventId("kpi-1").setEventTime(Instant.parse("2026-03-02T00:05:00Z"))
                .setEnterpriseId("ENT-1").setSiteId("SITE-1").setEquipmentId("EQ-1")
                .setDay(LocalDate.parse("2026-03-01")).setAsOf(Instant.parse("2026-03-01T23:59:00Z"))
                .setValues(Map.of("oee", new KpiValue(0.5, 1.0, "P1D"), "availability", new KpiValue(null, 0.0, "P1D")))
                .setComponents(new OeeComponents(86_400_000L, 7_200_000L, 57_600_000L, 40_000_000.0, 950L, 50L))
                .setFlags(List.of("performance>1.05"))
                .build();
        String topic = Topic.KPI_EQUIPMENT_DAILY.name();

        AvroDeserializer<EquipmentKpi> deserializer = specificDeserializer();
        EquipmentKpi read = deserializer.deserialize(topic, serializer().serialize(topic, kpi));

        assertThat(read).isEqualTo(kpi);
    }

    @Test
    void genericDeserializerReturnsTheWriterSchemasRecord() {
        byte[] bytes = serializer().serialize(TELEMETRY, aTelemetry().equipment("EQ-9").build());

        AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(registry);
        generic.configure(Map.of(), false);
        GenericRecord read = generic.deserialize(TELEMETRY, bytes);

        assertThat(read.getSchema()).isEqualTo(EquipmentTelemetry.getClassSchema());
        assertThat(read.get("equipmentId")).hasToString("EQ-9");
    }

    @Test
    void valueTypeConfigNamesTheClassToReadInto() {
        byte[] bytes = serializer().serialize(TELEMETRY, aTelemetry().equipment("EQ-6").build());
        AvroDeserializer<EquipmentTelemetry> deserializer = new AvroDeserializer<>(registry);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true",
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, EquipmentTelemetry.class.getName()), false);

        assertThat(deserializer.deserialize(TELEMETRY, bytes).getEquipmentId()).isEqualTo("EQ-6");
    }

    @Test
    void registersUnderTopicNameStrategySubjects() {
        serializer().serialize(TELEMETRY, aTelemetry().build());
        AvroSerializer<EquipmentTelemetry> keySerializer = new AvroSerializer<>(registry);
        keySerializer.configure(Map.of(), true);
        keySerializer.serialize("keyed", aTelemetry().build());

        assertThat(registry.getLatestVersion("factory.equipment.telemetry-value").schema())
                .isEqualTo(EquipmentTelemetry.getClassSchema());
        assertThat(registry.getLatestVersion("keyed-key").schema()).isEqualTo(EquipmentTelemetry.getClassSchema());
    }

    @Test
    void nullRecordIsNullBytesAndNullBytesAreNull() {
        assertThat(serializer().serialize(TELEMETRY, null)).isNull();
        assertThat(specificDeserializer().deserialize(TELEMETRY, (byte[]) null)).isNull();
        assertThat(specificDeserializer().deserialize(TELEMETRY, null, (ByteBuffer) null)).isNull();
    }

    @Test
    void readsAByteBufferViewInPlace() {
        byte[] record = serializer().serialize(TELEMETRY, aTelemetry().equipment("EQ-3").build());
        // The record sits at offset 3 of a larger array, as in a consumer's fetch buffer.
        byte[] fetch = new byte[record.length + 6];
        System.arraycopy(record, 0, fetch, 3, record.length);
        ByteBuffer view = ByteBuffer.wrap(fetch, 3, record.length).slice();

        AvroDeserializer<EquipmentTelemetry> deserializer = specificDeserializer();
        EquipmentTelemetry read = deserializer.deserialize(TELEMETRY, null, view);

        assertThat(read.getEquipmentId()).isEqualTo("EQ-3");
    }

    @Test
    void secondSerializeAndDeserializeDoNotCallTheRegistry() {
        CountingRegistryClient counting = new CountingRegistryClient(registry);
        AvroSerializer<EquipmentTelemetry> serializer = new AvroSerializer<>(counting);
        serializer.configure(Map.of(), false);
        AvroDeserializer<EquipmentTelemetry> deserializer = new AvroDeserializer<>(counting);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);

        byte[] first = serializer.serialize(TELEMETRY, aTelemetry().value(1).build());
        deserializer.deserialize(TELEMETRY, first);
        assertThat(counting.calls("register")).isEqualTo(1);
        assertThat(counting.calls("getSchemaById")).isEqualTo(1);

        byte[] second = serializer.serialize(TELEMETRY, aTelemetry().value(2).build());
        deserializer.deserialize(TELEMETRY, second);
        serializer.serialize("another.topic", aTelemetry().build());

        // Only the new subject of another.topic costs one more register call; nothing else reaches the registry.
        assertThat(counting.calls("register")).isEqualTo(2);
        assertThat(counting.calls("getSchemaById")).isEqualTo(1);
        assertThat(counting.totalCalls()).isEqualTo(3);
    }

    @Test
    void oneSerializerSharedByThreadsWritesEveryRecordIntact() throws Exception {
        AvroSerializer<Object> serializer = serializer();
        AvroDeserializer<EquipmentTelemetry> deserializer = specificDeserializer();
        int threads = 4;
        int recordsPerThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String equipment = "EQ-" + t;
                tasks.add(() -> {
                    int intact = 0;
                    for (int i = 0; i < recordsPerThread; i++) {
                        EquipmentTelemetry sent = aTelemetry().equipment(equipment).value(i).build();
                        EquipmentTelemetry read = deserializer.deserialize(TELEMETRY,
                                serializer.serialize(TELEMETRY, sent));
                        intact += read.equals(sent) ? 1 : 0;
                    }
                    return intact;
                });
            }
            int intact = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                intact += result.get();
            }
            assertThat(intact).isEqualTo(threads * recordsPerThread); // 4 * 2000 = 8000
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mockUrlScopeIsSharedBySerdesConfiguredOnlyByProperties() {
        String scope = "round-trip-" + System.nanoTime();
        Map<String, Object> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        try {
            SpecificAvroSerde<EquipmentTelemetry> writing = new SpecificAvroSerde<>();
            writing.configure(configs, false);
            SpecificAvroSerde<EquipmentTelemetry> reading = new SpecificAvroSerde<>();
            reading.configure(configs, false);
            EquipmentTelemetry telemetry = aTelemetry().equipment("EQ-5").build();

            EquipmentTelemetry read = reading.deserializer().deserialize(TELEMETRY,
                    writing.serializer().serialize(TELEMETRY, telemetry));

            assertThat(read).isEqualTo(telemetry);
            assertThat(InMemorySchemaRegistryClient.forScope(scope).getLatestVersion(TELEMETRY + "-value").id())
                    .isEqualTo(1);
        } finally {
            InMemorySchemaRegistryClient.dropScope(scope);
        }
    }

    @Test
    void genericSerdeWritesWhatTheSpecificSerdeReads() {
        GenericAvroSerde generic = new GenericAvroSerde(registry);
        generic.configure(Map.of(), false);
        SpecificAvroSerde<EquipmentTelemetry> specific = new SpecificAvroSerde<>(registry, EquipmentTelemetry.class);
        specific.configure(Map.of(), false);
        GenericRecord asGeneric = generic.deserializer().deserialize(TELEMETRY,
                specific.serializer().serialize(TELEMETRY, aTelemetry().equipment("EQ-4").build()));

        EquipmentTelemetry read = specific.deserializer().deserialize(TELEMETRY,
                generic.serializer().serialize(TELEMETRY, asGeneric));

        assertThat(read.getEquipmentId()).isEqualTo("EQ-4");
    }

    private AvroSerializer<Object> serializer() {
        AvroSerializer<Object> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        return serializer;
    }

    private <T> AvroDeserializer<T> specificDeserializer() {
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(registry);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }
}

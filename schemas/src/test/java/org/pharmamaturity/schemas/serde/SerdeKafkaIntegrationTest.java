package org.pharmamaturity.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pharmamaturity.schemas.testing.TelemetryBuilder.aTelemetry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.registry.CompatibilityLevel;
import org.pharmamaturity.schemas.registry.RegistryClientConfig;
import org.pharmamaturity.schemas.registry.RestSchemaRegistryClient;
import org.pharmamaturity.schemas.serde.AvroSerdeException.Reason;
import org.pharmamaturity.testing.EmbeddedStack;

/** The serde configured only by properties, through a real broker and a real registry (Apicurio). */
@Tag("integration")
class SerdeKafkaIntegrationTest {

    private static EmbeddedStack stack;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.shared();
    }

    @Test
    void recordsWrittenByTheSerializerAreReadBack() throws Exception {
        String topic = createTopic(false);
        List<EquipmentTelemetry> sent = List.of(aTelemetry().equipment("EQ-1").value(1).build(),
                aTelemetry().equipment("EQ-2").value(2).build());

        try (KafkaProducer<String, EquipmentTelemetry> producer = producer()) {
            for (EquipmentTelemetry telemetry : sent) {
                producer.send(new ProducerRecord<>(topic, telemetry.getEquipmentId(), telemetry)).get();
            }
        }

        assertThat(readValues(topic, 2)).containsExactlyElementsOf(sent);
    }

    @Test
    void tombstoneOnACompactedTopicIsANullValue() throws Exception {
        String topic = createTopic(true);

        try (KafkaProducer<String, EquipmentTelemetry> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "EQ-1", aTelemetry().build())).get();
            producer.send(new ProducerRecord<>(topic, "EQ-1", null)).get();
        }

        List<EquipmentTelemetry> values = readValues(topic, 2);
        assertThat(values.get(0).getEquipmentId()).isEqualTo("EQ-1");
        assertThat(values.get(1)).isNull();
    }

    @Test
    void consumerNamesPartitionAndOffsetOfARecordThatIsNotAvro() throws Exception {
        String topic = createTopic(false);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, "EQ-1", "{\"equipmentId\":\"EQ-1\"}"
                    .getBytes(StandardCharsets.UTF_8))).get();
        }

        try (KafkaConsumer<String, EquipmentTelemetry> consumer = consumer(topic)) {
            assertThatThrownBy(() -> pollUntil(consumer, 1))
                    .isInstanceOfSatisfying(RecordDeserializationException.class, e -> {
                        assertThat(e.topicPartition().toString()).isEqualTo(topic + "-0");
                        assertThat(e.offset()).isZero();
                        assertThat(e.getMessage()).contains("partition " + topic + "-0").contains("offset 0");
                        assertThat(e.getCause()).isInstanceOfSatisfying(AvroSerdeException.class, cause -> {
                            assertThat(cause.reason()).isEqualTo(Reason.WRONG_MAGIC_BYTE);
                            assertThat(cause.describeAt(e.topicPartition().partition(), e.offset()))
                                    .startsWith(topic + "-0@0: Cannot deserialize the value")
                                    .contains("0x7b");
                        });
                    });
        }
    }

    @Test
    void incompatibleChangeIsRefusedWithApicuriosMessage() {
        String topic = "it-incompatible-" + UUID.randomUUID();
        Schema v1 = new Schema.Parser().parse("""
                {"type": "record", "name": "Reading", "namespace": "it",
                 "fields": [{"name": "id", "type": "string"}]}""");
        Schema v2 = new Schema.Parser().parse("""
                {"type": "record", "name": "Reading", "namespace": "it", "fields": [{"name": "id", "type": "string"},
                  {"name": "site", "type": "string"}]}""");
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()), false);
        serializer.serialize(topic, record(v1));
        new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of("schema.registry.url", stack.registryUrl())))
                .setCompatibility(topic + "-value", CompatibilityLevel.BACKWARD);

        assertThatThrownBy(() -> serializer.serialize(topic, record(v2)))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA))
                .hasMessageContaining("topic '" + topic + "'")
                .hasMessageContaining("HTTP 409")
                // Apicurio's own words: "Incompatible artifact: <subject> [AVRO], ... [site at /fields/1]"
                .hasMessageContaining("Incompatible artifact")
                .hasMessageContaining("site at /fields/1");
    }

    private static GenericRecord record(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        schema.getFields().forEach(f -> record.put(f.name(), "x"));
        return record;
    }

    private static String createTopic(boolean compacted) throws Exception {
        String topic = "it-serde-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            NewTopic newTopic = new NewTopic(topic, 1, (short) 1);
            if (compacted) {
                newTopic.configs(Map.of("cleanup.policy", "compact"));
            }
            admin.createTopics(List.of(newTopic)).all().get();
        }
        return topic;
    }

    private static KafkaProducer<String, EquipmentTelemetry> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()));
    }

    private static KafkaConsumer<String, EquipmentTelemetry> consumer(String topic) {
        KafkaConsumer<String, EquipmentTelemetry> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static List<EquipmentTelemetry> readValues(String topic, int count) {
        try (KafkaConsumer<String, EquipmentTelemetry> consumer = consumer(topic)) {
            return pollUntil(consumer, count);
        }
    }

    /** Polls until the count arrived; gives up after 30 s of polling so a broken broker fails the test. */
    private static List<EquipmentTelemetry> pollUntil(KafkaConsumer<String, EquipmentTelemetry> consumer,
            int count) {
        List<EquipmentTelemetry> values = new ArrayList<>();
        for (int polls = 0; polls < 60 && values.size() < count; polls++) {
            for (ConsumerRecord<String, EquipmentTelemetry> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
        }
        assertThat(values).as("records received").hasSize(count);
        return values;
    }
}

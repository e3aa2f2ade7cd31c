package org.pharmamaturity.producers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.TopicProvisioner;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterHeader;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.testing.EmbeddedStack;

/**
 * {@code producers replay} on the embedded stack: of three dead letters, only the LATE one of the chosen enterprise
 * goes back to its source topic, with its key, value and header bytes unchanged.
 */
@Tag("integration")
class ReplayCommandTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final EmbeddedStack stack = EmbeddedStack.shared();

    @Test
    void replaysTheMatchingLetterOntoItsSourceTopicUnchanged() throws Exception {
        TopicProvisioner.createMissing(Map.of("bootstrap.servers", stack.bootstrapServers()), Optional.empty());
        String key = "EQ-" + run;
        byte[] value = {0, 0, 0, 0, 7, 1, 2, 3}; // any bytes: the command does not decode them
        try (KafkaProducer<byte[], DeadLetter> producer = dlqProducer()) {
            producer.send(letterRecord(key, value, DeadLetterReason.LATE, "E-" + run));
            producer.send(letterRecord(key, new byte[] {9}, DeadLetterReason.NOT_AVRO, "E-" + run));
            producer.send(letterRecord(key, new byte[] {8}, DeadLetterReason.LATE, "OTHER-" + run));
            producer.flush();
        }

        StringWriter out = new StringWriter();
        int exitCode = ProducersCli.commandLine().setOut(new PrintWriter(out, true)).execute("replay",
                "--enterprise=E-" + run, "--bootstrap-servers=" + stack.bootstrapServers(),
                "--schema-registry-url=" + stack.registryUrl());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("replayed 1 dead letter(s) with reason LATE");
        List<ConsumerRecord<byte[], byte[]>> replayed = recordsWithKey(Topic.FACTORY_PRODUCTION_COUNT.name(), key);
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).value()).isEqualTo(value);
        assertThat(replayed.get(0).headers().lastHeader("origin").value()).isEqualTo("gateway-7".getBytes(StandardCharsets.UTF_8));
    }

    private ProducerRecord<byte[], DeadLetter> letterRecord(String key, byte[] value, DeadLetterReason reason,
            String enterpriseId) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetter.newBuilder().setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.parse("2025-10-02T07:00:00Z")).setEnterpriseId(enterpriseId)
                .setSourceTopic(Topic.FACTORY_PRODUCTION_COUNT.name()).setSourcePartition(-1).setSourceOffset(-1)
                .setKey(ByteBuffer.wrap(keyBytes)).setValue(ByteBuffer.wrap(value))
                .setHeaders(List.of(new DeadLetterHeader("origin", ByteBuffer.wrap("gateway-7".getBytes(StandardCharsets.UTF_8)))))
                .setReason(reason).setErrorMessage(reason.name()).build();
        return new ProducerRecord<>(Topic.MATURITY_DLQ.name(), keyBytes, letter);
    }

    private KafkaProducer<byte[], DeadLetter> dlqProducer() {
        AvroSerializer<DeadLetter> values = new AvroSerializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()), false);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArraySerializer(), values);
    }

    private List<ConsumerRecord<byte[], byte[]>> recordsWithKey(String topic, String key) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}

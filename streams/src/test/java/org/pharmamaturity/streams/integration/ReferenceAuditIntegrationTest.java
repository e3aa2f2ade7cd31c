package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;

/**
 * Bad reference records reach maturity.dlq exactly once on the broker: once when the service first reads them,
 * and not again after a restart with an empty state directory, which makes the global stores re-read (and the
 * store updaters re-process) ref.enterprise and ref.equipment from the beginning. All records go to partition 0,
 * so a marker sent after the restart is audited after anything the restart could have re-audited.
 */
@Tag("integration")
class ReferenceAuditIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ENTERPRISES = Topic.REF_ENTERPRISE.name();
    private static final String EQUIPMENT = Topic.REF_EQUIPMENT.name();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void eachBadReferenceRecordIsDeadLetteredOnceAcrossARestart(@TempDir Path work) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        String garbage = "BAD-" + run + "-garbage";
        String blank = "BAD-" + run + "-blank";
        String unknownId = "BAD-" + run + "-unknown-id";
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer();
                KafkaProducer<byte[], byte[]> raw = topics.rawProducer()) {
            raw.send(new ProducerRecord<>(ENTERPRISES, 0, bytes(garbage), bytes("name=Acme")));
            producer.send(new ProducerRecord<>(ENTERPRISES, 0, blank, enterprise(blank, "")));
            producer.send(new ProducerRecord<>(ENTERPRISES, 0, "GOOD-" + run, enterprise("GOOD-" + run, "C272")));
            raw.send(new ProducerRecord<>(EQUIPMENT, 0, bytes(unknownId), new byte[] {0, 0, 0, 0x7f, 0x7f, 2, 4}));
            producer.flush();
            raw.flush();
        }
        CountingPipelineMeters firstMeters = new CountingPipelineMeters();
        try (MaturityStreamsService service = MaturityStreamsService.start(settings(topics, work, "first"), firstMeters)) {
            Map<String, DeadLetterReason> letters = reasons(topics.records(Topic.MATURITY_DLQ, key -> key.contains(run),
                    records -> records.size() >= 3, WAIT));
            assertThat(letters).isEqualTo(Map.of(garbage, DeadLetterReason.NOT_AVRO,
                    blank, DeadLetterReason.INVALID_VALUE, unknownId, DeadLetterReason.UNKNOWN_SCHEMA_ID));
            assertThat(firstMeters.deadLetters(ENTERPRISES, DeadLetterReason.NOT_AVRO)).isEqualTo(1);
            assertThat(firstMeters.deadLetters(ENTERPRISES, DeadLetterReason.INVALID_VALUE)).isEqualTo(1);
            assertThat(firstMeters.deadLetters(EQUIPMENT, DeadLetterReason.UNKNOWN_SCHEMA_ID)).isEqualTo(1);
        }

        CountingPipelineMeters secondMeters = new CountingPipelineMeters();
        String enterpriseMarker = "BAD-" + run + "-marker-enterprise";
        String equipmentMarker = "BAD-" + run + "-marker-equipment";
        try (MaturityStreamsService service = MaturityStreamsService.start(settings(topics, work, "second"), secondMeters)) {
            // RUNNING only after the global stores were restored, i.e. every ref record re-processed.
            awaitRunning(service.streams());
            Equipment noSite = equipment(equipmentMarker, "GOOD-" + run);
            noSite.setSiteId("");
            // Equipment bytes (an id of ref.equipment's subject) on ref.enterprise: a schema mismatch.
            AvroSerializer<Equipment> serializer = new AvroSerializer<>();
            serializer.configure(Map.of("schema.registry.url", topics.registryUrl()), false);
            byte[] equipmentBytes = serializer.serialize(EQUIPMENT, equipment("EQ-" + run, "GOOD-" + run));
            try (KafkaProducer<String, SpecificRecord> producer = topics.producer();
                    KafkaProducer<byte[], byte[]> raw = topics.rawProducer()) {
                raw.send(new ProducerRecord<>(ENTERPRISES, 0, bytes(enterpriseMarker), equipmentBytes));
                producer.send(new ProducerRecord<>(EQUIPMENT, 0, equipmentMarker, noSite));
                producer.flush();
                raw.flush();
            }
            List<ConsumerRecord<String, DeadLetter>> all = topics.records(Topic.MATURITY_DLQ,
                    key -> key.contains(run), records -> reasons(records).keySet().containsAll(
                            List.of(enterpriseMarker, equipmentMarker)), WAIT);
            // Three letters from the first run and the two markers: nothing was dead-lettered twice.
            assertThat(all).hasSize(5);
            assertThat(reasons(all)).containsEntry(enterpriseMarker, DeadLetterReason.SCHEMA_MISMATCH)
                    .containsEntry(equipmentMarker, DeadLetterReason.INVALID_VALUE);
            // The second run counted the markers only, although its global stores re-read the bad records. Only
            // the reference topics: its pipeline also reads what other tests left on the shared broker's inputs.
            Map<String, Long> referenceLetters = new TreeMap<>(secondMeters.deadLetterCounts());
            referenceLetters.keySet().removeIf(key -> !key.startsWith(ENTERPRISES + "|")
                    && !key.startsWith(EQUIPMENT + "|"));
            assertThat(referenceLetters).isEqualTo(Map.of(
                    ENTERPRISES + "|" + DeadLetterReason.SCHEMA_MISMATCH, 1L,
                    EQUIPMENT + "|" + DeadLetterReason.INVALID_VALUE, 1L));
        }
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static Map<String, DeadLetterReason> reasons(List<ConsumerRecord<String, DeadLetter>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, record -> record.value().getReason(),
                (first, second) -> first));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private ServiceSettings settings(EmbeddedTopics topics, Path work, String instance) throws java.io.IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("application.id", "it-refaudit-" + run);
        settings.put("bootstrap.servers", topics.bootstrapServers());
        settings.put("schema.registry.url", topics.registryUrl());
        // A fresh state directory per start: the global stores are restored from the beginning of their topics.
        settings.put("state.dir", Files.createDirectories(work.resolve("state-" + instance)).toString());
        settings.put(ServiceSettings.TOPICS_CREATE, "false");
        // A free port: tests run beside each other and beside a local run or a benchmark that holds 8080.
        settings.put(ServiceSettings.API_PORT, "0");
        return ServiceSettings.of(settings);
    }
}

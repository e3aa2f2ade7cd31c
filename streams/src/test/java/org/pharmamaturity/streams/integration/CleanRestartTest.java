package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentKpi;

/**
 * After a clean stop (SIGTERM: Kafka Streams commits and closes its stores), the restarted service finds every
 * store's committed changelog offset and restores nothing from scratch: no "did not find checkpoint offsets"
 * warning and no TaskCorruptedException, which under exactly_once_v2 would wipe the task's state and replay its
 * changelogs.
 */
@Tag("integration")
class CleanRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern CORRUPTION = Pattern.compile("did not find checkpoint offsets|TaskCorruptedException");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCleanRestartRestoresNoStoreFromScratch(@TempDir Path work) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        String enterpriseId = "ER-" + run;
        OeeWorkload workload = new OeeWorkload(List.of(enterpriseId), 1, run, LocalDate.parse("2025-07-01"));
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), enterpriseId, enterprise(enterpriseId, "SR-" + run)));
            workload.equipment().forEach(id -> producer.send(new ProducerRecord<>(Topic.REF_EQUIPMENT.name(), id,
                    equipment(id, enterpriseId))));
            workload.events().forEach(event -> producer.send(new ProducerRecord<>(event.topic().name(), event.key(),
                    event.value())));
            producer.flush();
        }
        Map<String, String> settings = settings(topics, work);
        String running = "stream-client \\[it-restart-" + run + "-[0-9a-f]{8}-[^]]*\\] State transition from REBALANCING to RUNNING";
        try (ChildService first = ChildService.start(settings, work, "restart-" + run + "-1")) {
            Map<String, EquipmentKpi> kpis = topics.latest(Topic.KPI_EQUIPMENT_DAILY, key -> key.contains("-" + run + "@"),
                    latest -> latest.keySet().equals(workload.equipmentDays().keySet()), WAIT);
            assertThat(kpis.keySet()).isEqualTo(workload.equipmentDays().keySet());
            first.stop();
            assertThat(first.alive()).isFalse();
        }
        try (ChildService second = ChildService.start(settings, work, "restart-" + run + "-2")) {
            assertThat(second.awaitLog(Pattern.compile(running), WAIT)).as("restarted service RUNNING").isTrue();
            String log = second.log();
            assertThat(CORRUPTION.matcher(log).find())
                    .as("the restarted service restored a store from scratch:%n%s", corruptionLines(log)).isFalse();
        }
    }

    private static String corruptionLines(String log) {
        return log.lines().filter(line -> CORRUPTION.matcher(line).find()).limit(20)
                .reduce("", (all, line) -> all + line + System.lineSeparator());
    }

    private Map<String, String> settings(EmbeddedTopics topics, Path work) throws java.io.IOException {
        Map<String, String> settings = topics.serviceSettings("it-restart-" + run, work);
        return settings;
    }
}

package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.OeeComponents;
import org.pharmamaturity.streams.integration.OeeWorkload.Figures;

/**
 * Exactly-once under failure, in the style of Kafka's streams_eos_test: while input flows, the service (a child
 * JVM, exactly_once_v2) is killed with SIGKILL and restarted, or a second instance joins and leaves; afterwards
 * every daily KPI equals the value computed independently from the distinct input events (OeeWorkload), with no
 * day missing and nothing counted twice. Reads are read_committed, so aborted work of a killed instance is not
 * seen. Grace and dedup horizon are ten years: the topics are shared with the other tests of this JVM, whose
 * events lie months away and move the stream time.
 */
@Tag("integration")
class ExactlyOnceTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** How long the input after the warm-up takes to send: long enough to span the failure. */
    private static final long REST_SEND_MS = 20_000;
    /** How long after the rest of the input starts flowing the failure happens. */
    private static final long FAILURE_AFTER_MS = 4_000;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aHardKilledInstanceRestartsWithoutLossOrDoubleCounting(@TempDir Path work) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        OeeWorkload workload = register(topics, LocalDate.parse("2025-05-01"));
        Map<String, String> settings = settings(topics, work, "a");
        // The restarted JVM takes over the killed one's static membership at once instead of waiting for its
        // session to time out.
        settings.put("group.instance.id", "eos-" + run);
        try (ChildService first = ChildService.start(settings, work, "eos-kill-" + run + "-1")) {
            send(topics, workload.events().subList(0, warmUpEvents(workload)), 0);
            awaitSomeOutput(topics);
            CompletableFuture<Void> sending = sendRestInBackground(topics, workload);
            Thread.sleep(FAILURE_AFTER_MS);
            assertThat(sending).as("input still flowing when the instance is killed").isNotDone();
            first.kill();
            try (ChildService second = ChildService.start(settings, work, "eos-kill-" + run + "-2")) {
                sending.get(60, TimeUnit.SECONDS);
                assertEveryDailyKpi(topics, workload);
                assertThat(second.alive()).isTrue();
            }
        }
    }

    @Test
    void aSecondInstanceJoinsAndLeavesWithoutLossOrDoubleCounting(@TempDir Path work) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        OeeWorkload workload = register(topics, LocalDate.parse("2025-06-01"));
        try (ChildService first = ChildService.start(settings(topics, work, "a"), work, "eos-join-" + run + "-1")) {
            send(topics, workload.events().subList(0, warmUpEvents(workload)), 0);
            awaitSomeOutput(topics);
            CompletableFuture<Void> sending = sendRestInBackground(topics, workload);
            // In try-with-resources too, so a failed assertion does not leave the child JVM running.
            try (ChildService second = ChildService.start(settings(topics, work, "b"), work, "eos-join-" + run + "-2")) {
                // Joined: the second instance was given active tasks and reached RUNNING.
                assertThat(second.awaitLog(Pattern.compile("New active tasks: \\[\\d"), Duration.ofSeconds(40))).isTrue();
                assertThat(second.awaitLog(Pattern.compile("REBALANCING to RUNNING"), Duration.ofSeconds(40))).isTrue();
                Thread.sleep(FAILURE_AFTER_MS);
                assertThat(sending).as("input still flowing when the second instance leaves").isNotDone();
                second.stop();
            }
            sending.get(60, TimeUnit.SECONDS);
            assertEveryDailyKpi(topics, workload);
            assertThat(first.alive()).isTrue();
        }
    }

    private OeeWorkload register(EmbeddedTopics topics, LocalDate firstDay) {
        List<String> enterprises = List.of("EA-" + run, "EB-" + run);
        OeeWorkload workload = new OeeWorkload(enterprises, 2, run, firstDay);
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            enterprises.forEach(id -> producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), id,
                    enterprise(id, "SX-" + run))));
            workload.equipment().forEach(id -> producer.send(new ProducerRecord<>(Topic.REF_EQUIPMENT.name(), id,
                    equipment(id, workload.enterpriseOf(id)))));
            producer.flush();
        }
        return workload;
    }

    /** A quarter of the workload, sent before the failure so the instance is busy when it comes. */
    private static int warmUpEvents(OeeWorkload workload) {
        return workload.events().size() / 4;
    }

    /** The rest of the workload, spread over {@value #REST_SEND_MS} ms so that it flows through the failure. */
    private CompletableFuture<Void> sendRestInBackground(EmbeddedTopics topics, OeeWorkload workload) {
        List<OeeWorkload.Event> rest = workload.events().subList(warmUpEvents(workload), workload.events().size());
        long pauseMs = REST_SEND_MS / rest.size();
        return CompletableFuture.runAsync(() -> send(topics, rest, pauseMs));
    }

    /**
     * Sends events in event-time order, pausing between them. The Kafka timestamp is the producer's clock, as a
     * gateway's would be; the pipeline takes event time from the records' eventTime.
     */
    private static void send(EmbeddedTopics topics, List<OeeWorkload.Event> events, long pauseMs) {
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            for (OeeWorkload.Event event : events) {
                producer.send(new ProducerRecord<>(event.topic().name(), event.key(), event.value()));
                if (pauseMs > 0) {
                    producer.flush();
                    Thread.sleep(pauseMs);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitSomeOutput(EmbeddedTopics topics) {
        Map<String, EquipmentKpi> some = topics.latest(Topic.KPI_EQUIPMENT_DAILY, key -> key.contains("-" + run + "@"),
                latest -> !latest.isEmpty(), WAIT);
        assertThat(some).as("daily KPIs before the failure").isNotEmpty();
    }

    private void assertEveryDailyKpi(EmbeddedTopics topics, OeeWorkload workload) {
        Map<String, Figures> expectedEquipment = workload.equipmentDays();
        Map<String, EquipmentKpi> equipment = topics.latest(Topic.KPI_EQUIPMENT_DAILY,
                key -> key.contains("-" + run + "@"), latest -> matches(expectedEquipment, latest,
                        EquipmentKpi::getComponents), WAIT);
        assertThat(equipment.keySet()).containsExactlyInAnyOrderElementsOf(expectedEquipment.keySet());
        expectedEquipment.forEach((key, expected) -> assertFigures(key, expected, equipment.get(key).getComponents()));

        Map<String, Figures> expectedEnterprise = workload.enterpriseDays();
        Map<String, EnterpriseKpi> enterprise = topics.latest(Topic.KPI_ENTERPRISE_DAILY,
                key -> key.contains("-" + run + "@"), latest -> matches(expectedEnterprise, latest,
                        EnterpriseKpi::getComponents), WAIT);
        assertThat(enterprise.keySet()).containsExactlyInAnyOrderElementsOf(expectedEnterprise.keySet());
        expectedEnterprise.forEach((key, expected) -> assertFigures(key, expected, enterprise.get(key).getComponents()));
    }

    private static <V> boolean matches(Map<String, Figures> expected, Map<String, V> latest,
            java.util.function.Function<V, OeeComponents> components) {
        return latest.keySet().equals(expected.keySet()) && expected.entrySet().stream().allMatch(entry -> {
            OeeComponents actual = components.apply(latest.get(entry.getKey()));
            return actual != null && actual.getGoodCount() == entry.getValue().good()
                    && actual.getObservedMs() == entry.getValue().observedMs();
        });
    }

    private static void assertFigures(String key, Figures expected, OeeComponents actual) {
        assertThat(actual).as(key).isNotNull();
        assertThat(actual.getObservedMs()).as(key + " observed").isEqualTo(expected.observedMs());
        assertThat(actual.getPlannedStopMs()).as(key + " planned stop").isEqualTo(expected.plannedStopMs());
        assertThat(actual.getRunningMs()).as(key + " running").isEqualTo(expected.runningMs());
        assertThat(actual.getIdealProductionMs()).as(key + " ideal").isCloseTo(expected.idealMs(), within(1e-6));
        assertThat(actual.getGoodCount()).as(key + " good").isEqualTo(expected.good());
        assertThat(actual.getRejectCount()).as(key + " reject").isEqualTo(expected.reject());
    }

    private Map<String, String> settings(EmbeddedTopics topics, Path work, String instance) throws java.io.IOException {
        Map<String, String> settings = topics.serviceSettings("it-eos-" + run, work.resolve("instance-" + instance));
        settings.put("session.timeout.ms", "10000");
        settings.put("heartbeat.interval.ms", "2000");
        return settings;
    }
}

package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;
import static org.pharmamaturity.streams.testing.TestRecords.state;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LocalBrokerSettings;
import org.pharmamaturity.embedded.LocalKafkaBroker;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.kpi.ColdChainProcessor;
import org.pharmamaturity.streams.kpi.EnterpriseKpiProcessor;
import org.pharmamaturity.streams.kpi.EquipmentKpiProcessor;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.testing.EmbeddedStack;

/**
 * The input-order race of issue 17: a plant sends a day of state changes and production counts and, milliseconds
 * after the broker acknowledged them, the next morning's first state change. Under exactly_once_v2 the state
 * change can reach kpi-equipment through its repartition topic before the counts come through theirs, moving the
 * event time past the day's end plus the grace. 20 repetitions (a fresh day and fresh machines each, two
 * enterprises of two machines), one broker of the test's own (so no other test's events move the event time) and
 * one service with a 1 h grace: every count must be counted and nothing be late. Run with
 * {@code -Dmaturity.test.close-margin=PT0S} to see the race on the code without a margin (the test then fails);
 * by default the service runs with its default margin.
 */
@Tag("integration")
class OrderRaceTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int REPETITIONS = 20;
    private static final int ENTERPRISES = 2;
    private static final int MACHINES_PER_ENTERPRISE = 2;
    /** Counts per machine-day: one each half past the hour from 06:30 to 21:30. */
    private static final int COUNTS = 16;
    private static final long GOOD_PER_COUNT = 50;
    private static final long REJECT_PER_COUNT = 2;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2025-10-01");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void countsOvertakenByTheNextDaysStateChangeAreAllCounted(@TempDir Path work) throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalBrokerSettings(LoopbackPorts.freePort(),
                LoopbackPorts.freePort(), work.resolve("kafka")))) {
            EmbeddedTopics topics = new EmbeddedTopics(broker.bootstrapServers(), EmbeddedStack.shared().registryUrl());
            CountingPipelineMeters meters = new CountingPipelineMeters();
            try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
                register(producer);
                try (MaturityStreamsService service = MaturityStreamsService.start(ServiceSettings.of(settings(topics, work)),
                        meters)) {
                    await().atMost(WAIT).until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
                    for (int repetition = 0; repetition < REPETITIONS; repetition++) {
                        sendDayThenNextMorning(producer, repetition);
                    }

                    Map<String, EquipmentKpi> days = topics.latest(Topic.KPI_EQUIPMENT_DAILY,
                            key -> key.contains("-" + run + "-"), this::allCounted, WAIT);
                    Map<String, String> wrong = new TreeMap<>();
                    for (String key : machineDays()) {
                        EquipmentKpi kpi = days.get(key);
                        String found = kpi == null ? "missing" : "good " + kpi.getComponents().getGoodCount()
                                + " reject " + kpi.getComponents().getRejectCount();
                        // 16 counts of 50 good and 2 rejected units: 800 good, 32 rejected.
                        if (!found.equals("good 800 reject 32")) {
                            wrong.put(key, found);
                        }
                    }
                    // 20 repetitions x 4 machines = 80 machine-days, none short.
                    assertThat(machineDays()).hasSize(80);
                    assertThat(wrong).as("machine-days short of 800 good and 32 rejected units; late records at"
                            + " kpi-equipment: %d", meters.lateRecords(EquipmentKpiProcessor.STAGE)).isEmpty();
                    assertThat(meters.lateRecords(EquipmentKpiProcessor.STAGE)).isZero();
                    assertThat(meters.lateRecords(EnterpriseKpiProcessor.STAGE)).isZero();
                    assertThat(meters.lateRecords(ColdChainProcessor.STAGE)).isZero();
                    assertThat(meters.deadLetterCounts()).as("no dead letter of any reason").isEmpty();
                }
            }
        }
    }

    /** The enterprises and machines of every repetition, before the service starts, so its global stores hold them. */
    private void register(KafkaProducer<String, SpecificRecord> producer) {
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            for (int e = 0; e < ENTERPRISES; e++) {
                String enterpriseId = enterpriseId(repetition, e);
                producer.send(new ProducerRecord<>(Topic.REF_ENTERPRISE.name(), enterpriseId,
                        enterprise(enterpriseId, "SR-" + run)));
                for (int m = 0; m < MACHINES_PER_ENTERPRISE; m++) {
                    String equipmentId = equipmentId(repetition, e, m);
                    producer.send(new ProducerRecord<>(Topic.REF_EQUIPMENT.name(), equipmentId,
                            equipment(equipmentId, enterpriseId)));
                }
            }
        }
        producer.flush();
    }

    /**
     * Repetition {@code r}'s day (the r-th after {@link #FIRST_DAY}): each machine RUNNING 06:00, PLANNED_STOP 12:00,
     * RUNNING 13:00 and its counts, acknowledged by the broker; then at once each machine's RUNNING at 06:00 the
     * next morning, which moves the event time 5 h past the day's end plus the 1 h grace.
     */
    private void sendDayThenNextMorning(KafkaProducer<String, SpecificRecord> producer, int repetition) {
        LocalDate day = FIRST_DAY.plusDays(repetition);
        List<ProducerRecord<String, SpecificRecord>> nextMorning = new ArrayList<>();
        for (int e = 0; e < ENTERPRISES; e++) {
            String enterpriseId = enterpriseId(repetition, e);
            for (int m = 0; m < MACHINES_PER_ENTERPRISE; m++) {
                String equipmentId = equipmentId(repetition, e, m);
                sendState(producer, equipmentId, enterpriseId, day, "06:00", EquipmentState.RUNNING);
                sendState(producer, equipmentId, enterpriseId, day, "12:00", EquipmentState.PLANNED_STOP);
                sendState(producer, equipmentId, enterpriseId, day, "13:00", EquipmentState.RUNNING);
                for (int hour = 6; hour < 6 + COUNTS; hour++) {
                    producer.send(new ProducerRecord<>(Topic.FACTORY_PRODUCTION_COUNT.name(), equipmentId,
                            count(equipmentId, enterpriseId, at(day, String.format("%02d:30", hour)), GOOD_PER_COUNT,
                                    REJECT_PER_COUNT, 30_000)));
                }
                nextMorning.add(new ProducerRecord<>(Topic.FACTORY_EQUIPMENT_STATE.name(), equipmentId,
                        state(equipmentId, enterpriseId, at(day.plusDays(1), "06:00"), EquipmentState.RUNNING)));
            }
        }
        producer.flush();
        nextMorning.forEach(producer::send);
        producer.flush();
    }

    private static void sendState(KafkaProducer<String, SpecificRecord> producer, String equipmentId,
            String enterpriseId, LocalDate day, String time, EquipmentState state) {
        producer.send(new ProducerRecord<>(Topic.FACTORY_EQUIPMENT_STATE.name(), equipmentId,
                state(equipmentId, enterpriseId, at(day, time), state)));
    }

    private boolean allCounted(Map<String, EquipmentKpi> latest) {
        return machineDays().stream().allMatch(key -> latest.containsKey(key)
                && latest.get(key).getComponents().getGoodCount() == COUNTS * GOOD_PER_COUNT);
    }

    /** The keys of every machine-day the counts were sent for. */
    private List<String> machineDays() {
        List<String> keys = new ArrayList<>();
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            for (int e = 0; e < ENTERPRISES; e++) {
                for (int m = 0; m < MACHINES_PER_ENTERPRISE; m++) {
                    keys.add(Topic.dailyKey(equipmentId(repetition, e, m), FIRST_DAY.plusDays(repetition)));
                }
            }
        }
        return keys;
    }

    private Map<String, String> settings(EmbeddedTopics topics, Path work) throws IOException {
        Map<String, String> settings = topics.serviceSettings("it-order-race-" + run, work);
        settings.put(ServiceSettings.KPI_GRACE, "PT1H");
        String margin = System.getProperty("maturity.test.close-margin");
        if (margin != null) {
            settings.put(ServiceSettings.KPI_CLOSE_MARGIN, margin);
        }
        return settings;
    }

    private String enterpriseId(int repetition, int enterprise) {
        return "ER" + enterprise + "-" + run + "-" + repetition;
    }

    private String equipmentId(int repetition, int enterprise, int machine) {
        return "EQR" + enterprise + machine + "-" + run + "-" + repetition;
    }

    private static String at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC).toString();
    }
}

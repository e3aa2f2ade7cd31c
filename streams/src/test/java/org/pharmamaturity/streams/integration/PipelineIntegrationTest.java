package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;
import static org.pharmamaturity.streams.testing.TestRecords.count;
import static org.pharmamaturity.streams.testing.TestRecords.enterprise;
import static org.pharmamaturity.streams.testing.TestRecords.equipment;
import static org.pharmamaturity.streams.testing.TestRecords.state;
import static org.pharmamaturity.streams.testing.TestRecords.transport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.testing.Answers;

/**
 * The service on the embedded broker and registry: three enterprises in two sectors fed by real producers with
 * the project's AvroSerializer; the output topics, read with read_committed consumers, carry exactly the values
 * worked out below. Names carry a per-run suffix, because other tests of this JVM share the topics; grace and
 * dedup horizon are ten years, because those tests' events, months away, move the stream time too.
 */
@Tag("integration")
class PipelineIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long HOUR = 3_600_000L;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String e1 = "E1-" + run;
    private final String e2 = "E2-" + run;
    private final String e3 = "E3-" + run;
    private final String eq1 = "EQ1-" + run;
    private final String sectorA = "SA-" + run;
    private final String sectorB = "SB-" + run;

    @Test
    void threeEnterprisesInTwoSectors(@TempDir Path stateDir) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            send(producer, Topic.REF_ENTERPRISE, e1, enterprise(e1, sectorA));
            send(producer, Topic.REF_ENTERPRISE, e2, enterprise(e2, sectorB));
            send(producer, Topic.REF_ENTERPRISE, e3, enterprise(e3, sectorA));
            send(producer, Topic.REF_EQUIPMENT, eq1, equipment(eq1, e1));
            producer.flush();
        }
        try (MaturityStreamsService service = MaturityStreamsService.start(settings(topics, stateDir),
                new CountingPipelineMeters());
                KafkaProducer<String, SpecificRecord> producer = topics.producer();
                KafkaProducer<byte[], byte[]> raw = topics.rawProducer()) {
            // EQ1's reference day (RUNNING 06-14, PLANNED_STOP 14-16, RUNNING 16-20, UNPLANNED_STOP 20-24; 950 good
            // and 50 rejected at 36 s), completed by an input the next day.
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq1, state(eq1, e1, "2025-03-01T06:00:00Z", EquipmentState.RUNNING));
            send(producer, Topic.FACTORY_PRODUCTION_COUNT, eq1, count(eq1, e1, "2025-03-01T10:00:00Z", 950, 50, 36_000));
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq1, state(eq1, e1, "2025-03-01T14:00:00Z", EquipmentState.PLANNED_STOP));
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq1, state(eq1, e1, "2025-03-01T16:00:00Z", EquipmentState.RUNNING));
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq1, state(eq1, e1, "2025-03-01T20:00:00Z", EquipmentState.UNPLANNED_STOP));
            send(producer, Topic.FACTORY_EQUIPMENT_STATE, eq1, state(eq1, e1, "2025-03-02T01:00:00Z", EquipmentState.IDLE));
            raw.send(new ProducerRecord<>(Topic.FACTORY_EQUIPMENT_STATE.name(), eq1.getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
            // E1: levels 1-2 FULL (S = 1 + 1 + 0 = 2, level 2); E2: nothing (S = 0); E3: everything FULL (S = 5).
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, e1, assessment(e1, "A1", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)));
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, e2, assessment(e2, "A2", "2025-03-01T00:00:00Z", Map.of()));
            send(producer, Topic.ASSESSMENT_SELF_SUBMITTED, e3, assessment(e3, "A3", "2025-03-01T00:00:00Z", Answers.fullUpTo(5)));
            // E3's shipment leaves its 2-8 °C label.
            send(producer, Topic.LOGISTICS_COLDCHAIN_READING, "S-" + run, transport("S-" + run, e3, "2025-03-01T08:00:00Z", 9.5));
            producer.flush();
            raw.flush();

            Map<String, SectorMaturity> sectors = topics.latest(Topic.MATURITY_SECTOR,
                    key -> key.endsWith(run), latest -> latest.containsKey(sectorB)
                            && latest.containsKey(sectorA) && latest.get(sectorA).getEnterprises() == 2, WAIT);
            assertThat(sectors.get(sectorA).getEnterprises()).isEqualTo(2);
            assertThat(sectors.get(sectorA).getMeanScore()).isCloseTo(3.5, within(1e-12)); // (2 + 5) / 2
            assertThat(sectors.get(sectorA).getMedianScore()).isCloseTo(3.5, within(1e-12));
            assertThat(sectors.get(sectorA).getShareAtLeastLevel2()).isEqualTo(1.0);
            assertThat(sectors.get(sectorB).getEnterprises()).isEqualTo(1);
            assertThat(sectors.get(sectorB).getMeanScore()).isZero();
            assertThat(sectors.get(sectorB).getLevelDistribution()).containsEntry("0", 1);

            Map<String, EnterpriseMaturity> maturity = topics.latest(Topic.MATURITY_ENTERPRISE,
                    key -> key.endsWith(run), latest -> latest.size() == 3, WAIT);
            assertThat(maturity.get(e1).getVerified().getScore()).isCloseTo(2.0, within(1e-12));
            assertThat(maturity.get(e1).getVerified().getLevel()).isEqualTo(2);
            assertThat(maturity.get(e2).getVerified().getScore()).isZero();
            assertThat(maturity.get(e3).getVerified().getScore()).isCloseTo(5.0, within(1e-12));
            assertThat(maturity.get(e3).getSector()).isEqualTo(sectorA);

            String day = eq1 + "@2025-03-01";
            Map<String, EquipmentKpi> equipment = topics.latest(Topic.KPI_EQUIPMENT_DAILY, day::equals,
                    latest -> latest.containsKey(day) && latest.get(day).getComponents().getObservedMs() == 18 * HOUR, WAIT);
            // Complete day: observed 18 h, planned 16 h, running 12 h; A 0.75 x P 10/12 x Q 0.95 = 0.59375.
            assertThat(equipment.get(day).getComponents().getRunningMs()).isEqualTo(12 * HOUR);
            assertThat(equipment.get(day).getValues().get("oee").getValue()).isCloseTo(0.59375, within(1e-12));

            String enterpriseDay = e1 + "@2025-03-01";
            Map<String, EnterpriseKpi> enterprise = topics.latest(Topic.KPI_ENTERPRISE_DAILY, enterpriseDay::equals,
                    latest -> latest.containsKey(enterpriseDay)
                            && latest.get(enterpriseDay).getComponents().getObservedMs() == 18 * HOUR, WAIT);
            assertThat(enterprise.get(enterpriseDay).getValues().get("oee").getValue()).isCloseTo(0.59375, within(1e-12));

            List<ConsumerRecord<String, DeadLetter>> letters = topics.records(Topic.MATURITY_DLQ, eq1::equals,
                    records -> !records.isEmpty(), WAIT);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).value().getReason()).isEqualTo(DeadLetterReason.NOT_AVRO);
            assertThat(letters.get(0).value().getSourceTopic()).isEqualTo(Topic.FACTORY_EQUIPMENT_STATE.name());

            List<ConsumerRecord<String, Alert>> alerts = topics.records(Topic.MATURITY_ALERTS, e3::equals,
                    records -> !records.isEmpty(), WAIT);
            assertThat(alerts).extracting(record -> record.value().getKind()).containsExactly(AlertKind.COLD_CHAIN_EXCURSION);
            assertThat(service.streams().state().isRunningOrRebalancing()).isTrue();
        }
    }

    private ServiceSettings settings(EmbeddedTopics topics, Path stateDir) throws java.io.IOException {
        Map<String, String> settings = topics.serviceSettings("it-pipeline-" + run, stateDir);
        return ServiceSettings.of(settings);
    }

    /** Sends with the producer's clock as Kafka timestamp; the pipeline takes event time from eventTime. */
    private static <V extends SpecificRecord> void send(KafkaProducer<String, SpecificRecord> producer, Topic<V> topic,
            String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value));
    }
}

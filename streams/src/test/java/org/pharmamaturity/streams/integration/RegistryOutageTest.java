package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.pharmamaturity.embedded.ApicurioRegistry;
import org.pharmamaturity.embedded.LocalBrokerSettings;
import org.pharmamaturity.embedded.LocalKafkaBroker;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.embedded.RegistrySettings;
import org.pharmamaturity.embedded.RegistryStorage;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The schema registry goes away while data flows: records whose schema the service has not fetched yet wait (the
 * task fails and its thread is replaced until the registry answers) instead of being dead-lettered, and once the
 * registry is back every record is counted exactly once. The test has a registry of its own with file storage, so
 * schema ids survive its restart, and a broker of its own, whose topics hold no records with the shared registry's
 * schema ids.
 */
@Tag("integration")
class RegistryOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final int BEFORE = 200;
    private static final int DURING = 300;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void recordsWaitForTheRegistryAndNoneIsLostOrCountedTwice(@TempDir Path work) throws Exception {
        RegistrySettings registrySettings = RegistrySettings.forTests()
                .withStorage(RegistryStorage.file(work.resolve("registry")))
                .withLogFile(Path.of("target", "apicurio-outage-" + run + ".log").toAbsolutePath());
        try (ApicurioRegistry registry = ApicurioRegistry.start(registrySettings);
                LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalBrokerSettings(LoopbackPorts.freePort(),
                        LoopbackPorts.freePort(), work.resolve("kafka")))) {
            EmbeddedTopics topics = new EmbeddedTopics(broker.bootstrapServers(), registry.url());
            LocalDate day = LocalDate.parse("2025-08-01");
            CountedReadings readings = new CountedReadings(run, day);
            EquipmentStateChange running = new EquipmentStateChange(TestRecords.newEventId(),
                    day.atStartOfDay(ZoneOffset.UTC).toInstant(), "EF-" + run, TestRecords.SITE, readings.equipmentId(),
                    EquipmentState.RUNNING, null);
            // The producer learns the state-change schema id now; the service first needs it during the outage.
            AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
            values.configure(Map.of("schema.registry.url", registry.url()), false);
            values.serialize(Topic.FACTORY_EQUIPMENT_STATE.name(), running);
            try (KafkaProducer<String, SpecificRecord> producer = topics.producer(values);
                    MaturityStreamsService service = MaturityStreamsService.start(
                            ServiceSettings.of(topics.serviceSettings("it-registry-" + run, work)),
                            new CountingPipelineMeters())) {
                readings.register(producer);
                for (int i = 0; i < BEFORE; i++) {
                    producer.send(readings.count(i));
                }
                producer.flush();
                assertThat(readings.goodCount(topics, BEFORE, WAIT)).isEqualTo(BEFORE);

                registry.stop();
                Instant outageEnds = Instant.now().plus(OUTAGE);
                producer.send(new ProducerRecord<>(Topic.FACTORY_EQUIPMENT_STATE.name(), readings.equipmentId(), running));
                for (int i = BEFORE; i < BEFORE + DURING; i++) {
                    producer.send(readings.count(i));
                }
                producer.flush();
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), outageEnds).toMillis()));
                registry.start();

                // 200 counts before the outage and 300 during it, one good unit each: 500.
                EquipmentKpi kpi = readings.dailyKpi(topics, BEFORE + DURING, WAIT);
                assertThat(kpi.getComponents().getGoodCount()).isEqualTo(500);
                // The RUNNING change at 00:00:00 sent during the outage counts too: running up to the latest
                // input, the count at second 499, is 499 s.
                assertThat(kpi.getComponents().getRunningMs()).isEqualTo(499_000L);
                List<ConsumerRecord<String, DeadLetter>> letters = topics.records(Topic.MATURITY_DLQ,
                        readings.equipmentId()::equals, found -> false, Duration.ofSeconds(5));
                assertThat(letters).as("nothing dead-lettered for the waiting records").isEmpty();
                assertThat(service.streams().state().isRunningOrRebalancing()).isTrue();
            }
        }
    }
}

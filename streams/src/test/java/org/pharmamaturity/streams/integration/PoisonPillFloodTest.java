package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;

/**
 * A flood of garbage (one record in ten is not Avro) in a stream of good production counts: every good count is
 * counted exactly once and every garbage record is dead-lettered exactly once, with its reason and source offset.
 * How much the garbage slows the good records is a benchmark figure, not asserted here.
 */
@Tag("integration")
class PoisonPillFloodTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int RECORDS = 1_000;
    private static final int GARBAGE_EVERY = 10;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyGoodRecordCountsOnceAndEveryGarbageRecordIsDeadLetteredOnce(@TempDir Path stateDir) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        CountedReadings readings = new CountedReadings(run, LocalDate.parse("2025-07-01"));
        int good = 0;
        int garbage = 0;
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer();
                KafkaProducer<byte[], byte[]> raw = topics.rawProducer();
                MaturityStreamsService service = MaturityStreamsService.start(
                        ServiceSettings.of(topics.serviceSettings("it-poison-" + run, stateDir)),
                        new CountingPipelineMeters())) {
            readings.register(producer);
            for (int i = 0; i < RECORDS; i++) {
                if (i % GARBAGE_EVERY == GARBAGE_EVERY - 1) {
                    raw.send(new ProducerRecord<>(Topic.FACTORY_PRODUCTION_COUNT.name(),
                            readings.equipmentId().getBytes(StandardCharsets.UTF_8),
                            ("garbage " + i).getBytes(StandardCharsets.UTF_8)));
                    garbage++;
                } else {
                    producer.send(readings.count(i));
                    good++;
                }
            }
            producer.flush();
            raw.flush();
            // 1,000 records, every tenth garbage: 900 good and 100 garbage.
            assertThat(good).isEqualTo(900);
            assertThat(garbage).isEqualTo(100);

            assertThat(readings.goodCount(topics, good, WAIT)).isEqualTo(good);
            int expectedLetters = garbage;
            List<ConsumerRecord<String, DeadLetter>> letters = topics.records(Topic.MATURITY_DLQ,
                    readings.equipmentId()::equals, found -> found.size() >= expectedLetters, WAIT);
            assertThat(letters).hasSize(garbage);
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.value().getReason()).isEqualTo(DeadLetterReason.NOT_AVRO);
                assertThat(letter.value().getSourceTopic()).isEqualTo(Topic.FACTORY_PRODUCTION_COUNT.name());
            });
            assertThat(letters.stream().map(letter -> letter.value().getSourcePartition() + "@"
                    + letter.value().getSourceOffset()).distinct()).hasSize(garbage);
            assertThat(service.streams().state().isRunningOrRebalancing()).isTrue();
        }
    }
}

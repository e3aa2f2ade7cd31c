package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.producers.ingest.ParsedRecord;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ProductionCount;

/** A full buffer: counted and logged, then the policy (drop the oldest, or stop acknowledging until there is room). */
class GatewayIntakeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void dropOldestKeepsTheNewestAndCountsTheDropped() throws Exception {
        GatewayMetrics metrics = new GatewayMetrics();
        AtomicInteger acknowledged = new AtomicInteger();
        // room for two of these records, all of one size
        try (DiskBuffer buffer = DiskBuffer.open(dir, 2L * entrySize());
                GatewayIntake intake = new GatewayIntake(buffer, metrics, BufferFullPolicy.DROP_OLDEST, CLOCK)) {
            for (int i = 1; i <= 3; i++) {
                intake.accept("mqtt", "test", new byte[0], count(i), acknowledged::incrementAndGet);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.get() == 3);
            // the first was dropped to make room for the third
            assertThat(goodCounts(buffer)).containsExactly(2L, 3L);
        }
        assertThat(metrics.scrape()).contains("maturity_gateway_buffer_dropped_total 1.0")
                .contains("maturity_gateway_buffer_full_total 1.0");
    }

    @Test
    void stopAcknowledgingWaitsForRoomBeforeStoringAndAcknowledging() throws Exception {
        GatewayMetrics metrics = new GatewayMetrics();
        AtomicInteger acknowledged = new AtomicInteger();
        try (DiskBuffer buffer = DiskBuffer.open(dir, entrySize());
                GatewayIntake intake = new GatewayIntake(buffer, metrics, BufferFullPolicy.STOP_ACKNOWLEDGING, CLOCK)) {
            intake.accept("mqtt", "test", new byte[0], count(1), acknowledged::incrementAndGet);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    intake.accept("mqtt", "test", new byte[0], count(2), acknowledged::incrementAndGet);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> metrics.scrape()
                    .contains("maturity_gateway_buffer_full_total 1.0"));
            assertThat(second).isNotDone();
            assertThat(acknowledged.get()).isEqualTo(1);

            // Kafka took the first: its room goes to the second, which is then stored and acknowledged
            buffer.commit(buffer.peek(1).getFirst().next());
            second.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.get() == 2);
            assertThat(goodCounts(buffer)).containsExactly(2L);
        }
    }

    private static Outcome count(long good) {
        Instant time = Instant.parse("2026-03-01T06:00:00Z").plusSeconds(good);
        return new Outcome.Accepted(new ParsedRecord<>(Topic.FACTORY_PRODUCTION_COUNT, "EQ-1", new ProductionCount(
                "id-" + good, time, "E", "S", "EQ-1", null, good, 0L, 1000.0)));
    }

    private static long entrySize() {
        return DiskBuffer.HEADER + BufferedRecords.encode(((Outcome.Accepted) count(1)).record()).length;
    }

    private static List<Long> goodCounts(DiskBuffer buffer) {
        return buffer.peek(10).stream().map(entry -> ((ProductionCount) BufferedRecords.decode(entry.bytes()).value())
                .getGoodCount()).toList();
    }
}

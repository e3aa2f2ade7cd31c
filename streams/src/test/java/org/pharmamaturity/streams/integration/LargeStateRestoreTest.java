package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentKpi;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.validation.InputSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hard-killed instance with a large state: 1,000 enterprises of one machine each, two production counts each,
 * processed by a child JVM that is then SIGKILLed; its state directory is wiped, so the instance that replaces it
 * must restore every store from the changelogs. One more count per machine is sent as it starts. Afterwards every
 * machine's daily good count is exactly three, and the restore and catch-up times are logged (BENCHMARKS.md
 * section 7 records them).
 */
@Tag("integration")
class LargeStateRestoreTest {

    /** The figures are logged at WARN: the tests' simplelogger.properties shows nothing below. */
    private static final Logger LOG = LoggerFactory.getLogger(LargeStateRestoreTest.class);
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final int ENTERPRISES = 1_000;
    private static final int COUNTS_BEFORE_KILL = 2;
    private static final LocalDate DAY = LocalDate.parse("2025-08-01");
    /** A line of StateRestoreLog: store, records restored and milliseconds of one changelog partition. */
    private static final Pattern RESTORED = Pattern.compile("Restored store (\\S+) from changelog \\S+: (\\d+) records in (\\d+) ms");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aKilledInstanceWithAWipedStateRestoresAndCatchesUp(@TempDir Path work) throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        List<CountedReadings> machines = IntStream.range(0, ENTERPRISES)
                .mapToObj(i -> new CountedReadings(run + "-" + i, DAY)).toList();
        Map<String, String> settings = topics.serviceSettings("it-restore-" + run, work);
        // The new JVM takes over the killed one's static membership at once instead of waiting for its session to end.
        settings.put("group.instance.id", "restore-" + run);
        settings.put("session.timeout.ms", "10000");
        int sent;
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            machines.forEach(machine -> machine.referenceRecords().forEach(producer::send));
            sent = send(producer, machines, 0, COUNTS_BEFORE_KILL);
        }
        // 1,000 machines x 2 counts.
        assertThat(sent).isEqualTo(2_000);

        try (ChildService first = ChildService.start(settings, work, "restore-" + run + "-1")) {
            long started = System.nanoTime();
            assertEveryGoodCount(topics, machines, COUNTS_BEFORE_KILL);
            LOG.warn("First instance: {} machines at {} good units each after {} ms", ENTERPRISES, COUNTS_BEFORE_KILL,
                    millisSince(started));
            first.kill();
        }
        deleteRecursively(Path.of(settings.get("state.dir")));

        try (ChildService second = ChildService.start(settings, work, "restore-" + run + "-2");
                KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            long started = System.nanoTime();
            sent += send(producer, machines, COUNTS_BEFORE_KILL, COUNTS_BEFORE_KILL + 1);
            // 2,000 before the kill and one more per machine.
            assertThat(sent).isEqualTo(3_000);
            assertEveryGoodCount(topics, machines, COUNTS_BEFORE_KILL + 1);
            long caughtUp = millisSince(started);

            Map<String, Long> restored = restoredRecordsPerStore(second.log());
            // The dedup store of production counts holds every eventId seen before the kill: at least those 2,000.
            assertThat(restored.get(StoreNames.eventIds(InputSpecs.PRODUCTION_COUNT.name())))
                    .as("records restored into the dedup store").isGreaterThanOrEqualTo(2_000L);
            LOG.warn("Second instance, wiped state: last restore ended {} ms after its JVM started, slowest partition "
                    + "restore {} ms; caught up (every machine at 3) {} ms after its start; restored per store {}",
                    lastRestoreEndMillis(second.log()), slowestRestoreMillis(second.log()), caughtUp, restored);
            assertThat(second.alive()).isTrue();
        }
    }

    /** Sends count number {@code from} (inclusive) to {@code to} (exclusive) of every machine; returns how many. */
    private static int send(KafkaProducer<String, SpecificRecord> producer, List<CountedReadings> machines, int from,
            int to) {
        int sent = 0;
        for (int i = from; i < to; i++) {
            for (CountedReadings machine : machines) {
                producer.send(machine.count(i));
                sent++;
            }
        }
        producer.flush();
        return sent;
    }

    /** Every machine's daily good count, read to the end of what is committed, is exactly {@code expected}. */
    private static void assertEveryGoodCount(EmbeddedTopics topics, List<CountedReadings> machines, long expected) {
        Set<String> keys = machines.stream().map(CountedReadings::dailyKey).collect(Collectors.toSet());
        Map<String, EquipmentKpi> latest = topics.latest(Topic.KPI_EQUIPMENT_DAILY, keys::contains,
                found -> found.size() == keys.size()
                        && found.values().stream().allMatch(kpi -> kpi.getComponents().getGoodCount() >= expected),
                WAIT);
        assertThat(latest.keySet()).as("machines with a daily KPI").isEqualTo(keys);
        Map<String, Long> wrong = latest.entrySet().stream()
                .filter(entry -> entry.getValue().getComponents().getGoodCount() != expected)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getComponents().getGoodCount()));
        assertThat(wrong).as("machines whose good count is not " + expected).isEmpty();
    }

    private static Map<String, Long> restoredRecordsPerStore(String log) {
        return RESTORED.matcher(log).results().collect(Collectors.groupingBy(match -> match.group(1),
                TreeMap::new, Collectors.summingLong(match -> Long.parseLong(match.group(2)))));
    }

    private static long slowestRestoreMillis(String log) {
        return RESTORED.matcher(log).results().mapToLong(match -> Long.parseLong(match.group(3))).max().orElse(-1);
    }

    /** When the last restore ended, in ms since the child JVM started (the simple logger's time stamp). */
    private static long lastRestoreEndMillis(String log) {
        return log.lines().filter(line -> RESTORED.matcher(line).find()).reduce((first, second) -> second)
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).orElse(-1L);
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

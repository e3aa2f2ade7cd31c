package org.pharmamaturity.streams.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pharmamaturity.streams.MaturityStreamsService;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.metrics.PrometheusScrape;

/**
 * A state directory that cannot be used stops the service at start with one line naming it and exit code 3; local
 * state with garbage in it (a RocksDB file, a task checkpoint file) is wiped and restored from the changelogs, and
 * the counts afterwards are exact.
 */
@Tag("integration")
class StateDirectoryFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);
    private static final byte[] GARBAGE = "this is not what the file should hold\n".getBytes(StandardCharsets.UTF_8);

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFileWhereTheStateDirectoryShouldBeStopsTheServiceWithOneLine(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("state-file"), "not a directory");
        Map<String, String> settings = settingsBeforeKafka(file);

        String expected = "State directory " + file + " is a file, not a directory: move the file away or set "
                + "another directory (state.dir, or MATURITY_STATE_DIR), then start again.";
        assertExitsWithOneLine(settings, work, "statedir-file-" + run, expected);
    }

    @Test
    void aDiskWithLessThanTheMinimumFreeStopsTheServiceWithOneLine(@TempDir Path work) throws Exception {
        Map<String, String> settings = settingsBeforeKafka(work.resolve("state"));
        // 2,147,483,647 MiB (2 PiB): no disk here has that free, so to the service it is full.
        settings.put(ServiceSettings.STATE_MIN_FREE_MB, Integer.toString(Integer.MAX_VALUE));

        String expected = "less than maturity.state.min-free-mb = 2147483647: free space on its disk or set another "
                + "directory on a larger one (state.dir, or MATURITY_STATE_DIR), then start again.";
        assertExitsWithOneLine(settings, work, "statedir-full-" + run, expected);
    }

    /**
     * Kafka Streams opens the stores it finds at start and fails the start on a store it cannot open: the service
     * wipes the local state and restores it, so the counts go on exactly where they were.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CURRENT", ".checkpoint"})
    void garbageInTheLocalStateIsWipedAndRestoredFromTheChangelogs(String corrupted, @TempDir Path work)
            throws Exception {
        EmbeddedTopics topics = new EmbeddedTopics();
        CountedReadings readings = new CountedReadings(run, LocalDate.parse("2025-09-01"));
        ServiceSettings settings = ServiceSettings.of(topics.serviceSettings("it-corrupt-" + run, work));
        try (KafkaProducer<String, SpecificRecord> producer = topics.producer()) {
            readings.register(producer);
            try (MaturityStreamsService first = MaturityStreamsService.start(settings, new CountingPipelineMeters())) {
                send(producer, readings, 0, 5);
                assertThat(readings.goodCount(topics, 5, WAIT)).isEqualTo(5);
            }
            assertThat(corrupt(settings.stateDir(), corrupted)).as("files overwritten").isNotEmpty();

            try (MaturityStreamsService second = MaturityStreamsService.start(settings, new CountingPipelineMeters())) {
                send(producer, readings, 5, 8);
                // 5 before the corruption and 3 after it.
                assertThat(readings.goodCount(topics, 8, WAIT)).isEqualTo(8);
                assertThat(second.streams().state().isRunningOrRebalancing()).isTrue();
                double restored = PrometheusScrape.parse(second.metrics().scrape())
                        .samples("maturity_state_restored_records_total").stream()
                        .mapToDouble(PrometheusScrape.Sample::value).sum();
                assertThat(restored).as("records restored from the changelogs").isPositive();
            }
        }
    }

    /**
     * Settings for a service that must stop at the state directory check, before it talks to Kafka: no broker is
     * needed, and one that wrongly went on would find none on port 1 and still run when the test stops waiting.
     */
    private Map<String, String> settingsBeforeKafka(Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("application.id", "it-statedir-" + run);
        settings.put("bootstrap.servers", "127.0.0.1:1");
        settings.put("state.dir", stateDir.toString());
        settings.put(ServiceSettings.TOPICS_CREATE, "false");
        settings.put(ServiceSettings.API_PORT, "0");
        return settings;
    }

    private static void assertExitsWithOneLine(Map<String, String> settings, Path work, String name, String line)
            throws Exception {
        try (ChildService service = ChildService.start(settings, work, name)) {
            assertThat(service.awaitExit(EXIT_WAIT)).as("exit code").isEqualTo(MaturityStreamsService.EXIT_STATE_DIRECTORY);
            List<String> lines = service.log().lines().toList();
            assertThat(lines).as("what the service printed").hasSize(1);
            assertThat(lines.get(0)).startsWith("State directory ").endsWith(line);
        }
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, CountedReadings readings, int from, int to) {
        for (int i = from; i < to; i++) {
            producer.send(readings.count(i));
        }
        producer.flush();
    }

    /**
     * Overwrites with garbage every RocksDB {@code CURRENT} file (which names the live manifest), or writes a
     * garbage {@code .checkpoint} file into every task directory (Kafka Streams 4.3 migrates such a pre-4.3
     * checkpoint into its stores at start); returns the files written.
     */
    private static List<Path> corrupt(Path stateDir, String fileName) throws IOException {
        List<Path> targets;
        try (Stream<Path> paths = Files.walk(stateDir)) {
            targets = fileName.equals("CURRENT")
                    ? paths.filter(path -> path.getFileName().toString().equals("CURRENT")).toList()
                    : paths.filter(StateDirectoryFailureTest::isTaskDirectory).map(task -> task.resolve(fileName)).toList();
        }
        for (Path target : targets) {
            Files.write(target, GARBAGE);
        }
        return targets;
    }

    /** A task directory: {@code <state.dir>/<application.id>/<subtopology>_<partition>}. */
    private static boolean isTaskDirectory(Path path) {
        return Files.isDirectory(path) && path.getFileName().toString().matches("\\d+_\\d+");
    }
}

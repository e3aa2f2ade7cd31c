package org.pharmamaturity.streams.integration;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.pharmamaturity.streams.MaturityStreamsService;

/**
 * The streams service in a child JVM, so a test can kill it the hard way (SIGKILL: no close, no commit, no
 * leave-group), as Kafka's streams_eos_test does with {@code stop_nodes(False)}. Its log goes to a file under
 * target/ for diagnosis.
 */
final class ChildService implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildService(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@link MaturityStreamsService#main} with the settings in a properties file. */
    static ChildService start(Map<String, String> settings, Path workDir, String name) throws IOException {
        Path file = workDir.resolve(name + ".properties");
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "child service " + name);
        }
        Path log = Path.of("target", "child-" + name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick to warm up: four JVMs share two cores during these tests.
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.KafkaStreams=info");
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.processor.internals.TaskManager=info");
        command.add("-Dorg.slf4j.simpleLogger.log.org.pharmamaturity.streams.metrics.StateRestoreLog=info");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MaturityStreamsService.class.getName());
        command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildService(process, log);
    }

    /** Waits until the child's log matches {@code pattern} (e.g. a state transition); false on timeout. */
    boolean awaitLog(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (pattern.matcher(log()).find()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** What the child has logged so far. */
    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    /** Kills the JVM at once, as a crash or SIGKILL would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks the JVM to stop (SIGTERM): the service closes Kafka Streams and commits. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Waits for the JVM to end by itself and gives its exit code; -1 when it still runs after the timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

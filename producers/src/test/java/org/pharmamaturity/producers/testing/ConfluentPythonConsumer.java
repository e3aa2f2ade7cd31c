package org.pharmamaturity.producers.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.pharmamaturity.testing.EmbeddedStack;

/**
 * Reads a topic with Confluent's own Python client (Debian's python3-confluent-kafka and python3-avro, run with
 * /usr/bin/python3), through the interop module's {@code consume.py}, which prints one JSON line per record.
 * Without the client the test is skipped with the install command, except under CI=true where it fails.
 */
public final class ConfluentPythonConsumer {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPTS = Path.of("..", "interop", "src", "test", "python");
    private static final long TIMEOUT_SECONDS = 180;

    private ConfluentPythonConsumer() {
    }

    /** The JSON lines of the first {@code count} records of {@code topic}. */
    public static List<String> read(EmbeddedStack stack, String topic, long count) {
        requireClient();
        return run(List.of(PYTHON, "consume.py", "--bootstrap", stack.bootstrapServers(), "--registry",
                stack.registryUrl(), "--topic", topic, "--count", Long.toString(count)));
    }

    private static void requireClient() {
        boolean installed;
        try {
            installed = Files.isRegularFile(SCRIPTS.resolve("consume.py")) && new ProcessBuilder(PYTHON, "-c",
                    "import confluent_kafka, avro").start().waitFor() == 0;
        } catch (IOException e) {
            installed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            installed = false;
        }
        String message = "Confluent's Python client is not available: apt-get install -y --no-install-recommends "
                + "python3-confluent-kafka python3-avro python3-requests (and keep interop/src/test/python)";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: this must run in CI)");
        }
        Assumptions.assumeTrue(installed, "SKIPPED LOUDLY: " + message);
    }

    private static List<String> run(List<String> command) {
        try {
            Path stdout = Files.createTempFile("python-consume-", ".out");
            Path stderr = Files.createTempFile("python-consume-", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile())
                        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    fail("consume.py did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(stderr));
                }
                if (process.exitValue() != 0) {
                    fail("consume.py exited with " + process.exitValue() + ": " + Files.readString(stderr));
                }
                return Files.readAllLines(stdout).stream().filter(line -> !line.isBlank()).toList();
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            return fail("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running consume.py", e);
        }
    }
}

package org.pharmamaturity.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * Runs an external client's script (Confluent's Python or JavaScript client) to completion for a test and returns
 * its standard output lines; a failure of the script fails the test with its output.
 */
public final class ScriptRunner {

    /** An upper bound so a hung client fails the test instead of hanging the build; a script takes seconds. */
    private static final long TIMEOUT_SECONDS = 180;

    private ScriptRunner() {
    }

    /**
     * Runs {@code command} in {@code workingDirectory}; a non-zero exit or a timeout fails the test with the
     * command and the script's output.
     */
    public static List<String> run(Path workingDirectory, List<String> command) {
        String commandLine = String.join(" ", command);
        try {
            Path stdout = Files.createTempFile("interop-script-", ".out");
            Path stderr = Files.createTempFile("interop-script-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(workingDirectory.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionFailedError("Timed out after " + TIMEOUT_SECONDS + " s: " + commandLine
                            + "\nstderr:\n" + Files.readString(stderr));
                }
                if (process.exitValue() != 0) {
                    throw new AssertionFailedError("Exit code " + process.exitValue() + " from " + commandLine
                            + "\nstdout:\n" + Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr));
                }
                return Files.readAllLines(stdout).stream().filter(line -> !line.isBlank()).toList();
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionFailedError("Could not run " + commandLine + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("Interrupted while running " + commandLine, e);
        }
    }
}

package org.pharmamaturity.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of an external command to its end: exit code and the output (standard output and error merged). */
record CommandRun(int exitCode, String output) {

    /** Runs {@code command} in {@code directory}, waiting up to five minutes. */
    static CommandRun of(Path directory, List<String> command) {
        return of(directory, command, Map.of());
    }

    /** Runs {@code command} in {@code directory} with {@code environment} added, waiting up to five minutes. */
    static CommandRun of(Path directory, List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            // Read before waiting so a chatty command cannot block on a full pipe.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            return new CommandRun(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}

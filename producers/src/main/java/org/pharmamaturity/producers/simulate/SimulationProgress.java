package org.pharmamaturity.producers.simulate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * How far a simulation has got, kept in a small properties file so that a restarted {@code simulate} continues where
 * it stopped instead of publishing the simulated month again (which the pipeline would count as late or duplicate).
 * The same seed, population size, start and telemetry interval give the same records in the same order, so skipping
 * the first {@code published} of them resumes the stream exactly, event ids included.
 *
 * @param published records published and acknowledged (or failed) so far, over every run
 */
public record SimulationProgress(long seed, int enterprises, Instant start, Duration telemetryInterval,
                                 long published) {

    /** Whether {@code other} describes the same stream of records (whatever either has published of it). */
    public boolean sameSimulationAs(SimulationProgress other) {
        return seed == other.seed && enterprises == other.enterprises && start.equals(other.start)
                && telemetryInterval.equals(other.telemetryInterval);
    }

    /** This simulation with {@code count} records published. */
    public SimulationProgress publishedUpTo(long count) {
        return new SimulationProgress(seed, enterprises, start, telemetryInterval, count);
    }

    /**
     * The progress kept in {@code file}, or empty when there is none yet.
     *
     * @throws IllegalArgumentException when the file is not one this class wrote
     */
    public static Optional<SimulationProgress> read(Path file) {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the simulation progress " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(new SimulationProgress(Long.parseLong(required(values, "seed", file)),
                    Integer.parseInt(required(values, "enterprises", file)),
                    Instant.parse(required(values, "start", file)),
                    Duration.parse(required(values, "telemetryInterval", file)),
                    Long.parseLong(required(values, "published", file))));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("The simulation progress " + file + " is damaged (" + e.getMessage()
                    + "): delete it to start the simulation over.", e);
        }
    }

    /** Replaces {@code file} with this progress, atomically, so a kill in the middle leaves the previous one. */
    public void write(Path file) {
        Properties values = new Properties();
        values.setProperty("seed", Long.toString(seed));
        values.setProperty("enterprises", Integer.toString(enterprises));
        values.setProperty("start", start.toString());
        values.setProperty("telemetryInterval", telemetryInterval.toString());
        values.setProperty("published", Long.toString(published));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(writer, "simulate --progress-file: where a restarted simulation continues");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the simulation progress " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties values, String key, Path file) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("The simulation progress " + file + " has no '" + key
                    + "': delete it to start the simulation over.");
        }
        return value;
    }
}

package org.pharmamaturity.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes what a run left on disk, so repeated runs do not fill it. */
public final class Directories {

    private Directories() {
    }

    /** Deletes {@code directory} and everything under it; a failure is reported and the benchmark goes on. */
    public static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("benchmark: could not delete " + directory + ": " + e.getMessage());
        }
    }
}

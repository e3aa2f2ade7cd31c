package org.pharmamaturity.producers.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pharmamaturity.producers.ProducersException;

/** Reads a password from a file (its first line), so it never appears on a command line or in a process list. */
final class SecretFiles {

    private SecretFiles() {
    }

    /** The first line of {@code file}; null when no file was given. */
    static char[] read(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readAllLines(file).stream().findFirst().orElse("").toCharArray();
        } catch (IOException e) {
            throw new ProducersException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }
}

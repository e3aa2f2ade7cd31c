package org.pharmamaturity.evaluation.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads a UTF-8 text resource built into this jar (models, catalogues). */
public final class ResourceText {

    private ResourceText() {
    }

    /** The text of {@code resource} (an absolute classpath path), empty when the jar lacks it. */
    public static Optional<String> read(String resource) {
        try (InputStream in = ResourceText.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in resource " + resource, e);
        }
    }

    /** The text of a built-in data file; {@link DataFileException} naming {@code what} when the jar lacks it. */
    public static String require(String resource, String what) {
        return read(resource).orElseThrow(() -> new DataFileException(what, resource,
                List.of("resource missing from the classpath; rebuild the evaluation module")));
    }
}

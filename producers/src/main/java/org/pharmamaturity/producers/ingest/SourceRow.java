package org.pharmamaturity.producers.ingest;

import java.nio.file.Path;
import java.util.Map;

/**
 * One row of an input file: where it is (file, 1-based line), its fields by name (after the column mapping),
 * its original text for the reject file, and why it could not even be split into fields, if so.
 *
 * @param malformed null when the row was read into fields
 */
public record SourceRow(Path file, int line, Map<String, String> fields, String text, String malformed) {

    public SourceRow {
        fields = Map.copyOf(fields);
    }
}

package org.pharmamaturity.producers.ingest;

import java.nio.file.Path;

/**
 * Why a row was refused, printed as {@code file:line: field: reason} (line 0 when the problem concerns the
 * whole document, as for a JSON self-assessment).
 */
public record RowProblem(Path file, int line, String field, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + field + ": " + reason;
    }
}

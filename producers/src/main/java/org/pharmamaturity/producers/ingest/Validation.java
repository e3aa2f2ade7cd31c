package org.pharmamaturity.producers.ingest;

import java.util.List;

/**
 * The outcome of checking one file: the records its good rows make, every problem found, and the rows to write
 * to the reject file.
 */
public record Validation(List<ParsedRecord<?>> records, List<RowProblem> problems, List<SourceRow> rejectedRows) {

    public Validation {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
        rejectedRows = List.copyOf(rejectedRows);
    }

    /** True when every row was good. */
    public boolean clean() {
        return problems.isEmpty();
    }
}

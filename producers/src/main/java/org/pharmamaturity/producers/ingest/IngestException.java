package org.pharmamaturity.producers.ingest;

import org.pharmamaturity.producers.ProducersException;

/** An input file that cannot be read at all (missing, unreadable, no header); bad rows are {@link RowProblem}s. */
public class IngestException extends ProducersException {

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }

    public IngestException(String message) {
        super(message);
    }
}

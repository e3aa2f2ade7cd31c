package org.pharmamaturity.producers;

/**
 * A problem at the edge of the producers CLI (settings, files, the cluster) that a person can fix; the message
 * says what happened and what to do, and the CLI prints it as one line.
 */
public class ProducersException extends RuntimeException {

    public ProducersException(String message) {
        super(message);
    }

    public ProducersException(String message, Throwable cause) {
        super(message, cause);
    }
}

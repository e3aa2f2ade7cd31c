package org.pharmamaturity.embedded;

/**
 * Thrown when the embedded broker or schema registry cannot be started or stopped; the message says what
 * happened and what to do about it.
 */
public class EmbeddedStackException extends RuntimeException {

    public EmbeddedStackException(String message) {
        super(message);
    }

    public EmbeddedStackException(String message, Throwable cause) {
        super(message, cause);
    }
}

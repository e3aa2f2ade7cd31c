package org.pharmamaturity.benchmarks.pipeline;

/** The pipeline benchmark could not go on; the message says what failed and what to check. */
public final class BenchmarkException extends RuntimeException {

    /** A failure with its cause. */
    public BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure without an underlying exception. */
    public BenchmarkException(String message) {
        super(message);
    }
}

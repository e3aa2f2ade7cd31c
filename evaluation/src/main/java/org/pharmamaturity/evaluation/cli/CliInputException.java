package org.pharmamaturity.evaluation.cli;

/** An input file of the command line that cannot be read. */
class CliInputException extends RuntimeException {

    CliInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

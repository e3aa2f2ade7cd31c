package org.pharmamaturity.evaluation.cli;

/** A command line the scorer cannot understand; the message says what is wrong and shows the usage. */
class CliUsageException extends RuntimeException {

    static final String USAGE = "usage: maturity-score score --assessment <file> [--kpis <file>] [--model <file or built-in name>]"
            + " [--sector <GB/T 4754 code>] [--manufacturing-type PROCESS|DISCRETE|MIXED] [--scenarios <declaration file>]"
            + " [--benchmarks <sector values file>]"
            + " | maturity-score model [--model <file or built-in name> | --list]";

    CliUsageException(String problem) {
        super(problem + "; " + USAGE);
    }
}

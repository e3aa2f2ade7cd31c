package org.pharmamaturity.benchmarks;

import picocli.CommandLine;

/** The main method of the benchmark commands: runs one, prints a failure as one line, and exits with its status. */
public final class CommandMain {

    private CommandMain() {
    }

    /** Runs {@code command} (a picocli command) with {@code args}; a failure prints {@code name: message}, status 2. */
    public static void run(Object command, String name, String[] args) {
        int status = new CommandLine(command)
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    commandLine.getErr().println(name + ": " + error.getMessage());
                    return 2;
                }).execute(args);
        // Kafka client and broker threads that are still winding down must not keep the JVM alive.
        System.exit(status);
    }
}

package org.pharmamaturity.producers;

import org.pharmamaturity.producers.gateway.GatewayCommand;
import org.pharmamaturity.producers.ingest.IngestCommand;
import org.pharmamaturity.producers.load.LoadCommand;
import org.pharmamaturity.producers.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The factory-side command line: {@code simulate}, {@code ingest}, {@code gateway}, {@code load}, {@code topics} and
 * {@code replay}, each with {@code --help}.
 * A {@link ProducersException} or a Kafka error ends the process with one line on standard error and exit code 2.
 */
@Command(name = "producers", mixinStandardHelpOptions = true, version = "producers 0.1.0",
        description = "Publish plant data to the pharma maturity pipeline (Kafka + a Confluent-compatible schema registry).",
        subcommands = {SimulateCommand.class, IngestCommand.class, GatewayCommand.class, LoadCommand.class,
                TopicsCommand.class, ReplayCommand.class,
                CommandLine.HelpCommand.class})
public final class ProducersCli implements Runnable {

    /** Exit code when the command failed for a reason printed as one line. */
    public static final int FAILURE = 2;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new ProducersCli())
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    commandLine.getErr().println(commandLine.getCommandName() + ": " + oneLine(error));
                    return FAILURE;
                });
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static String oneLine(Exception error) {
        return error instanceof ProducersException || error.getCause() == null
                ? error.getMessage() : error.getMessage() + " (" + error.getCause().getMessage() + ")";
    }
}

package org.pharmamaturity.evaluation.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed command line: a command, its {@code --option value} pairs and its {@code --flag}s (value "true"). */
record CliArguments(String command, Map<String, String> options) {

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "score", Set.of("--assessment", "--kpis", "--model", "--sector", "--manufacturing-type", "--scenarios",
                    "--benchmarks"),
            "model", Set.of("--model"));

    private static final Map<String, Set<String>> FLAGS = Map.of(
            "score", Set.of(),
            "model", Set.of("--list"));

    CliArguments {
        options = Map.copyOf(options);
    }

    /** Parses {@code args}; {@link CliUsageException} for anything it does not understand. */
    static CliArguments parse(String[] args) {
        if (args.length == 0) {
            throw new CliUsageException("no command given");
        }
        String command = args[0];
        Set<String> allowed = OPTIONS.get(command);
        if (allowed == null) {
            throw new CliUsageException("unknown command '" + command + "'");
        }
        Set<String> flags = FLAGS.get(command);
        Map<String, String> options = new HashMap<>();
        List<String> rest = List.of(args).subList(1, args.length);
        int i = 0;
        while (i < rest.size()) {
            String option = rest.get(i);
            String value;
            if (flags.contains(option)) {
                value = "true";
                i += 1;
            } else if (allowed.contains(option)) {
                if (i + 1 >= rest.size()) {
                    throw new CliUsageException("option " + option + " needs a value");
                }
                value = rest.get(i + 1);
                i += 2;
            } else {
                throw new CliUsageException("unknown option '" + option + "' for " + command);
            }
            if (options.put(option, value) != null) {
                throw new CliUsageException("option " + option + " is given twice");
            }
        }
        if (command.equals("score") && !options.containsKey("--assessment")) {
            throw new CliUsageException("score needs --assessment <file>");
        }
        if (options.containsKey("--list") && options.containsKey("--model")) {
            throw new CliUsageException("model takes either --list or --model, not both");
        }
        return new CliArguments(command, options);
    }

    /** The value of {@code option}, or null when not given. */
    String option(String option) {
        return options.get(option);
    }

    /** Whether {@code flag} was given. */
    boolean flag(String flag) {
        return options.containsKey(flag);
    }
}

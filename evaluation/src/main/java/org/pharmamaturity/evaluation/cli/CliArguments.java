package org.pharmamaturity.evaluation.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed command line: a command and its {@code --option value} pairs. */
record CliArguments(String command, Map<String, String> options) {

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "score", Set.of("--assessment", "--kpis", "--model", "--sector", "--manufacturing-type"),
            "model", Set.of("--model"));

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
        Map<String, String> options = new HashMap<>();
        List<String> rest = List.of(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i += 2) {
            String option = rest.get(i);
            if (!allowed.contains(option)) {
                throw new CliUsageException("unknown option '" + option + "' for " + command);
            }
            if (i + 1 >= rest.size()) {
                throw new CliUsageException("option " + option + " needs a value");
            }
            if (options.put(option, rest.get(i + 1)) != null) {
                throw new CliUsageException("option " + option + " is given twice");
            }
        }
        if (command.equals("score") && !options.containsKey("--assessment")) {
            throw new CliUsageException("score needs --assessment <file>");
        }
        return new CliArguments(command, options);
    }

    /** The value of {@code option}, or null when not given. */
    String option(String option) {
        return options.get(option);
    }
}

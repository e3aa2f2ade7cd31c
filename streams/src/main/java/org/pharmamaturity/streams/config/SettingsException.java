package org.pharmamaturity.streams.config;

import java.util.List;

/** The service's configuration cannot be used; lists every problem and says where the settings come from. */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SettingsException(String source, List<String> problems) {
        super("The settings from " + source + " cannot be used (" + String.join("; ", problems)
                + "). Fix them in the properties file or in the MATURITY_* environment variables and start again.");
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}

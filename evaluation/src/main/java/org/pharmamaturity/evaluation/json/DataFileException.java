package org.pharmamaturity.evaluation.json;

import java.util.List;

/**
 * A reference-data file (scenario catalogue, tier conditions) that cannot be used: unreadable, not JSON, or failing
 * validation. Lists every problem found, each with its place in the file.
 */
public class DataFileException extends RuntimeException {

    private final List<String> problems;

    public DataFileException(String what, String source, List<String> problems) {
        super(what + " " + source + " is not usable (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "): " + String.join("; ", problems)
                + "; fix the file and load it again");
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}

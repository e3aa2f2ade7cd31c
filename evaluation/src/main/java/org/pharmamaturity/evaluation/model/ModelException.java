package org.pharmamaturity.evaluation.model;

import java.util.List;

/**
 * A maturity model that cannot be used: unreadable, not JSON, or failing validation. Lists every problem
 * found, each with the place in the file it concerns.
 */
public class ModelException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public ModelException(String source, List<String> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public ModelException(String source, String problem, Throwable cause) {
        super(describe(source, List.of(problem)), cause);
        this.source = source;
        this.problems = List.of(problem);
    }

    /** Where the model came from (a file path, a built-in name, or its modelVersion). */
    public String source() {
        return source;
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    /** The same problems attributed to another source, e.g. the file the model was read from. */
    public ModelException from(String newSource) {
        return new ModelException(newSource, problems);
    }

    private static String describe(String source, List<String> problems) {
        return "model " + source + " is not usable (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "): " + String.join("; ", problems)
                + "; fix the model file and load it again";
    }
}

package org.pharmamaturity.evaluation.model;

import java.util.List;

import org.pharmamaturity.evaluation.json.ProblemsException;

/**
 * A maturity model that cannot be used: unreadable, not JSON, or failing validation. Lists every problem
 * found, each with the place in the file it concerns.
 */
public class ModelException extends ProblemsException {

    private final String source;

    public ModelException(String source, List<String> problems) {
        this(source, problems, null);
    }

    public ModelException(String source, String problem, Throwable cause) {
        this(source, List.of(problem), cause);
    }

    private ModelException(String source, List<String> problems, Throwable cause) {
        super("model " + source, "not usable", problems, "fix the model file and load it again", cause);
        this.source = source;
    }

    /** Where the model came from (a file path, a built-in name, or its modelVersion). */
    public String source() {
        return source;
    }

    /** The same problems attributed to another source, e.g. the file the model was read from. */
    public ModelException from(String newSource) {
        return new ModelException(newSource, problems());
    }
}

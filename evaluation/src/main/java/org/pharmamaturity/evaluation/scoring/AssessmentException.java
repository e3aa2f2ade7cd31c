package org.pharmamaturity.evaluation.scoring;

import java.util.List;

/**
 * A self-assessment that cannot be scored. Lists every problem found (the REST API returns them as its 400 body,
 * the CLI prints them on one line).
 */
public class AssessmentException extends RuntimeException {

    private final List<String> problems;

    public AssessmentException(String source, List<String> problems) {
        super("assessment " + source + " is not valid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "): " + String.join("; ", problems)
                + "; correct it and submit it again");
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}

package org.pharmamaturity.evaluation.json;

import java.util.List;

/**
 * An input that cannot be used, with every problem found in it (a 400 body, a dead-letter reason, one CLI line).
 * The message reads "{subject} is {verdict} (n problems): p1; p2; {advice}".
 */
public abstract class ProblemsException extends RuntimeException {

    private final List<String> problems;

    protected ProblemsException(String subject, String verdict, List<String> problems, String advice, Throwable cause) {
        super(subject + " is " + verdict + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "): " + String.join("; ", problems) + "; " + advice, cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}

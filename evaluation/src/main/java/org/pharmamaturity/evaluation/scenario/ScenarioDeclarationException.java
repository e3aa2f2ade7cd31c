package org.pharmamaturity.evaluation.scenario;

import java.util.List;

/** A scenario declaration that cannot be used; lists every problem (a 400 body, a dead-letter reason, a CLI line). */
public class ScenarioDeclarationException extends RuntimeException {

    private final List<String> problems;

    public ScenarioDeclarationException(String source, List<String> problems) {
        super("scenario declaration " + source + " is not valid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "): " + String.join("; ", problems)
                + "; correct it and declare again");
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}

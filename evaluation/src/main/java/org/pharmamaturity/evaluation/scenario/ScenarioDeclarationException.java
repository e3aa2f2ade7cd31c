package org.pharmamaturity.evaluation.scenario;

import java.util.List;

import org.pharmamaturity.evaluation.json.ProblemsException;

/** A scenario declaration that cannot be used; lists every problem (a 400 body, a dead-letter reason, a CLI line). */
public class ScenarioDeclarationException extends ProblemsException {

    public ScenarioDeclarationException(String source, List<String> problems) {
        super("scenario declaration " + source, "not valid", problems, "correct it and declare again", null);
    }
}

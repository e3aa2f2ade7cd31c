package org.pharmamaturity.evaluation.scoring;

import java.util.List;

import org.pharmamaturity.evaluation.json.ProblemsException;

/**
 * A self-assessment that cannot be scored. Lists every problem found (the REST API returns them as its 400 body,
 * the CLI prints them on one line).
 */
public class AssessmentException extends ProblemsException {

    public AssessmentException(String source, List<String> problems) {
        super("assessment " + source, "not valid", problems, "correct it and submit it again", null);
    }
}

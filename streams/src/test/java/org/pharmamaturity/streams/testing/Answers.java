package org.pharmamaturity.streams.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.Requirement;
import org.pharmamaturity.schemas.avro.Grade;

/** Answer sets over the reference model's catalogue (98 requirements over 20 sub-domains and 5 levels). */
public final class Answers {

    private Answers() {
    }

    /** Every requirement of the reference model graded by {@code grade}; null leaves a requirement unanswered. */
    public static Map<String, Grade> grading(Function<Requirement, Grade> grade) {
        Map<String, Grade> answers = new LinkedHashMap<>();
        for (Requirement requirement : ModelLoader.reference().requirements()) {
            Grade given = grade.apply(requirement);
            if (given != null) {
                answers.put(requirement.requirementId(), given);
            }
        }
        return answers;
    }

    /** FULL for every requirement up to {@code level}, the others unanswered. */
    public static Map<String, Grade> fullUpTo(int level) {
        return grading(requirement -> requirement.level() <= level ? Grade.FULL : null);
    }
}

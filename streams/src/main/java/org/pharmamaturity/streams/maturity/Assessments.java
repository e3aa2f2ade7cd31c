package org.pharmamaturity.streams.maturity;

import java.util.List;

import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.scoring.Answer;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;

/** Converts the Avro form of a self-assessment into the evaluation library's. */
public final class Assessments {

    private Assessments() {
    }

    /** The submission as an evaluation {@link Assessment}; grades map by name (the two enums share their symbols). */
    public static Assessment toEvaluation(SelfAssessmentSubmission submission) {
        List<Answer> answers = submission.getAnswers().stream()
                .map(answer -> new Answer(answer.getRequirementId(), Grade.valueOf(answer.getGrade().name()),
                        answer.getEvidence()))
                .toList();
        return new Assessment(submission.getSubmissionId(), submission.getEnterpriseId(), submission.getModelVersion(),
                submission.getSubmittedAt(), answers);
    }
}

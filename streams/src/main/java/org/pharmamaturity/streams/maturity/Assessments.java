package org.pharmamaturity.streams.maturity;

import java.time.Instant;
import java.util.List;

import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.scoring.Answer;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;

/** Converts between the Avro form of a self-assessment and the evaluation library's. */
public final class Assessments {

    private Assessments() {
    }

    /** The submission as an evaluation {@link Assessment}; grades map by name (the two enums share their symbols). */
    public static Assessment toEvaluation(SelfAssessmentSubmission submission) {
        return toEvaluation(submission, submission.getModelVersion());
    }

    /** The submission's answers as an assessment to be scored with another model of the same catalogue. */
    public static Assessment toEvaluation(SelfAssessmentSubmission submission, String modelVersion) {
        List<Answer> answers = submission.getAnswers().stream()
                .map(answer -> new Answer(answer.getRequirementId(), Grade.valueOf(answer.getGrade().name()),
                        answer.getEvidence()))
                .toList();
        return new Assessment(submission.getSubmissionId(), submission.getEnterpriseId(), modelVersion,
                submission.getSubmittedAt(), answers);
    }

    /** The assessment as the record of assessment.self.submitted, with its event id and time. */
    public static SelfAssessmentSubmission toAvro(Assessment assessment, String eventId, Instant eventTime) {
        List<AssessmentAnswer> answers = assessment.answers().stream()
                .map(answer -> new AssessmentAnswer(answer.requirementId(),
                        org.pharmamaturity.schemas.avro.Grade.valueOf(answer.grade().name()), answer.evidence()))
                .toList();
        return new SelfAssessmentSubmission(eventId, eventTime, assessment.enterpriseId(), assessment.submissionId(),
                assessment.modelVersion(), assessment.submittedAt(), answers);
    }
}

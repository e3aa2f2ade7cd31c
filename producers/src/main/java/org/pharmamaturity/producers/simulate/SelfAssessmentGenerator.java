package org.pharmamaturity.producers.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.Requirement;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;

/**
 * Answers every requirement of a model as an enterprise of a given profile would: requirements at or below the
 * declared level FULL (65%) or LARGELY (35%), so each of those levels is met; the next level up PARTLY (60%) or
 * NONE; higher levels NONE (80%) or PARTLY; requirements that do not apply to the manufacturing type
 * NOT_APPLICABLE. An over-declarer's answers therefore claim more than its telemetry shows.
 */
public final class SelfAssessmentGenerator {

    private final MaturityModel model;

    /** A generator answering the requirements of {@code model}. */
    public SelfAssessmentGenerator(MaturityModel model) {
        this.model = model;
    }

    /** The enterprise's submission, stamped with {@code eventId} and {@code submittedAtMs}. */
    public SelfAssessmentSubmission submission(SimulatedEnterprise enterprise, Random random, String eventId,
                                               long submittedAtMs) {
        ManufacturingType type = ManufacturingType.valueOf(enterprise.sector().manufacturingType().name());
        int declared = enterprise.profile().declaredLevel();
        List<AssessmentAnswer> answers = new ArrayList<>();
        for (Requirement requirement : model.requirements()) {
            Grade grade = requirement.applicability().appliesTo(type)
                    ? grade(requirement.level(), declared, random.nextDouble())
                    : Grade.NOT_APPLICABLE;
            answers.add(new AssessmentAnswer(requirement.requirementId(), grade, "simulated self-assessment"));
        }
        Instant submittedAt = Instant.ofEpochMilli(submittedAtMs);
        return SelfAssessmentSubmission.newBuilder()
                .setEventId(eventId).setEventTime(submittedAt).setEnterpriseId(enterprise.enterpriseId())
                .setSubmissionId("SA-" + enterprise.enterpriseId() + "-" + submittedAt.toString().substring(0, 10))
                .setModelVersion(model.modelVersion()).setSubmittedAt(submittedAt).setAnswers(answers).build();
    }

    private static Grade grade(int requirementLevel, int declaredLevel, double draw) {
        if (requirementLevel <= declaredLevel) {
            return draw < 0.65 ? Grade.FULL : Grade.LARGELY;
        }
        if (requirementLevel == declaredLevel + 1) {
            return draw < 0.60 ? Grade.PARTLY : Grade.NONE;
        }
        return draw < 0.80 ? Grade.NONE : Grade.PARTLY;
    }
}

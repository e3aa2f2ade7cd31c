package org.pharmamaturity.evaluation.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelBuilder;
import org.pharmamaturity.evaluation.model.Requirement;

/** Builds self-assessments for tests: enterprise "ent-1", the test model, submitted 2025-06-30T08:00:00Z. */
public final class AssessmentBuilder {

    public static final Instant SUBMITTED_AT = Instant.parse("2025-06-30T08:00:00Z");

    private String submissionId = "sub-1";
    private String enterpriseId = "ent-1";
    private String modelVersion = ModelBuilder.VERSION;
    private Instant submittedAt = SUBMITTED_AT;
    private final List<Answer> answers = new ArrayList<>();

    private AssessmentBuilder() {
    }

    public static AssessmentBuilder anAssessment() {
        return new AssessmentBuilder();
    }

    public AssessmentBuilder enterprise(String enterpriseId) {
        this.enterpriseId = enterpriseId;
        return this;
    }

    public AssessmentBuilder modelVersion(String modelVersion) {
        this.modelVersion = modelVersion;
        return this;
    }

    public AssessmentBuilder submissionId(String submissionId) {
        this.submissionId = submissionId;
        return this;
    }

    /** Answers each of {@code requirementIds} with {@code grade}. */
    public AssessmentBuilder grade(Grade grade, String... requirementIds) {
        for (String id : requirementIds) {
            answers.add(new Answer(id, grade, null));
        }
        return this;
    }

    /** Answers {@code prefix}1.. in order with {@code grades}. */
    public AssessmentBuilder grades(String prefix, Grade... grades) {
        for (int i = 0; i < grades.length; i++) {
            answers.add(new Answer(prefix + (i + 1), grades[i], null));
        }
        return this;
    }

    /** Answers every requirement of {@code model} at level k with {@code gradesByLevel[k - 1]}, under its version. */
    public AssessmentBuilder everyRequirementOf(MaturityModel model, Grade... gradesByLevel) {
        modelVersion = model.modelVersion();
        for (Requirement requirement : model.requirements()) {
            answers.add(new Answer(requirement.requirementId(), gradesByLevel[requirement.level() - 1], null));
        }
        return this;
    }

    /** Answers {@code requirement} with {@code grade}, in place of an earlier answer to it. */
    public AssessmentBuilder regrade(Grade grade, String requirementId) {
        answers.removeIf(answer -> answer.requirementId().equals(requirementId));
        answers.add(new Answer(requirementId, grade, null));
        return this;
    }

    public Assessment build() {
        return new Assessment(submissionId, enterpriseId, modelVersion, submittedAt, answers);
    }
}

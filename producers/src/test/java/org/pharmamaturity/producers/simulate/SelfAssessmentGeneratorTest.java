package org.pharmamaturity.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.Requirement;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;

/** Answers follow the declared level and the manufacturing type. */
class SelfAssessmentGeneratorTest {

    static final MaturityModel MODEL = ModelLoader.reference();

    @Test
    void gradesFollowTheDeclaredLevelAndSkipRequirementsOfTheOtherType() {
        // a discrete medical-device maker that is level 2 and declares level 3
        SimulatedEnterprise enterprise = new PopulationGenerator(9).enterprise(1, Sector.C358, new MaturityProfile(2, 3), 1);

        SelfAssessmentSubmission submission = new SelfAssessmentGenerator(MODEL)
                .submission(enterprise, new Random(9), "event-1", 1_772_352_000_000L);

        Map<String, Requirement> requirements = MODEL.requirements().stream()
                .collect(Collectors.toMap(Requirement::requirementId, Function.identity()));
        assertThat(submission.getAnswers()).hasSize(MODEL.requirements().size());
        for (AssessmentAnswer answer : submission.getAnswers()) {
            Requirement requirement = requirements.get(answer.getRequirementId());
            switch (requirement.applicability()) {
                case PROCESS -> assertThat(answer.getGrade()).isEqualTo(Grade.NOT_APPLICABLE);
                default -> assertThat(answer.getGrade()).isIn(requirement.level() <= 3
                        ? new Grade[] {Grade.FULL, Grade.LARGELY} : new Grade[] {Grade.PARTLY, Grade.NONE});
            }
        }
        assertThat(submission.getSubmissionId()).isEqualTo("SA-SIM-E001-2026-03-01");
        assertThat(submission.getModelVersion()).isEqualTo("cmmm-2020-reference");
    }
}

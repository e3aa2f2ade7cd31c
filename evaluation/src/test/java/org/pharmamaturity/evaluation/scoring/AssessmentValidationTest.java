package org.pharmamaturity.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.pharmamaturity.evaluation.model.Grade.FULL;
import static org.pharmamaturity.evaluation.model.Grade.PARTLY;
import static org.pharmamaturity.evaluation.model.ModelBuilder.aModel;
import static org.pharmamaturity.evaluation.scoring.AssessmentBuilder.anAssessment;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelRegistry;

/** Bad self-assessments are rejected with every problem listed. */
class AssessmentValidationTest {

    private static final MaturityModel MODEL = aModel().subDomain("a", 1.0)
            .requirement("A1", "a", 1).requirement("A2", "a", 2).build();
    private static final ModelRegistry MODELS = ModelRegistry.of(MODEL);

    @Test
    void aValidAssessmentHasNoProblem() {
        assertThat(AssessmentValidator.problems(anAssessment().grade(FULL, "A1").build(), MODELS)).isEmpty();
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Assessment assessment = new Assessment("sub-9", " ", "test-model", Instant.parse("2025-06-30T08:00:00Z"), List.of(
                new Answer("A1", FULL, null), new Answer("Z9", FULL, null), new Answer("A1", PARTLY, null),
                new Answer("A2", null, null)));
        AssessmentException e = catchThrowableOfType(AssessmentException.class,
                () -> new MaturityScorer(MODEL).score(assessment, null));
        assertThat(e.problems()).containsExactly(
                "answers[3].grade: missing",
                "enterpriseId: missing",
                "answers[1].requirementId: 'Z9' is not a requirement of model test-model",
                "answers[2].requirementId: 'A1' is already answered at answers[0]");
        assertThat(e).hasMessageStartingWith("assessment 'sub-9' is not valid (4 problems): answers[3].grade: missing;")
                .hasMessageEndingWith("; correct it and submit it again");
    }

    @Test
    void aModelVersionThatDoesNotExistIsNamed() {
        assertThat(AssessmentValidator.problems(anAssessment().modelVersion("cmmm-2031").grade(FULL, "A1").build(), MODELS))
                .containsExactly("modelVersion: 'cmmm-2031' does not exist; models in force: test-model");
    }

    @Test
    void missingFieldsAreEachReported() {
        Assessment empty = new Assessment(null, null, null, null, null);
        assertThat(AssessmentValidator.problems(empty, MODELS)).containsExactly(
                "submissionId: missing", "enterpriseId: missing", "submittedAt: missing", "answers: missing",
                "modelVersion: missing");
    }

    @Test
    void readerReportsMalformedFieldsAndFailedChecksTogether() {
        String json = """
                {"submissionId": "sub-7", "modelVersion": "test-model", "submittedAt": "2025-06-30T08:00:00Z",
                 "answers": [{"requirementId": "A1", "grade": "MOSTLY"},
                             {"requirementId": "NOPE", "grade": "FULL"}]}
                """;
        assertThatThrownBy(() -> AssessmentReader.read(json, "a.json", MODELS))
                .isInstanceOfSatisfying(AssessmentException.class, e -> assertThat(e.problems()).containsExactly(
                        "answers[0].grade: \"MOSTLY\" is not one of FULL, LARGELY, PARTLY, NONE, NOT_APPLICABLE",
                        "enterpriseId: missing",
                        "answers[1].requirementId: 'NOPE' is not a requirement of model test-model"));
    }

    @Test
    void readerReadsAValidDocumentWithAnOffsetTimestamp() {
        String json = """
                {"submissionId": "sub-7", "enterpriseId": "ent-1", "modelVersion": "test-model",
                 "submittedAt": "2025-06-30T16:00:00+08:00", "extra": "ignored",
                 "answers": [{"requirementId": "A1", "grade": "FULL", "evidence": "SOP-12"}]}
                """;
        Assessment assessment = AssessmentReader.read(json, "a.json", MODELS);
        // 16:00 at +08:00 is 08:00 UTC
        assertThat(assessment.submittedAt()).isEqualTo(Instant.parse("2025-06-30T08:00:00Z"));
        assertThat(assessment.answers()).containsExactly(new Answer("A1", FULL, "SOP-12"));
    }

    @Test
    void readerRejectsAnUnparseableTimestampAndNonJson() {
        String badTime = """
                {"submissionId": "s", "enterpriseId": "e", "modelVersion": "test-model", "submittedAt": "yesterday", "answers": []}
                """;
        assertThatThrownBy(() -> AssessmentReader.read(badTime, "a.json", MODELS))
                .isInstanceOfSatisfying(AssessmentException.class, e -> assertThat(e.problems()).containsExactly(
                        "submittedAt: 'yesterday' is not an ISO-8601 instant such as 2025-06-30T08:00:00Z"));
        assertThatThrownBy(() -> AssessmentReader.read("{not json", "a.json", MODELS))
                .isInstanceOf(AssessmentException.class)
                .hasMessageStartingWith("assessment a.json is not valid (1 problem): not valid JSON:");
    }

    @Test
    void idsAndEvidenceAreBoundedAndNeverRepeatedInFull() {
        String longId = "S".repeat(5_000);
        Assessment assessment = new Assessment(longId, "ent/1", "test-model", Instant.parse("2025-06-30T08:00:00Z"),
                List.of(new Answer("A1", FULL, "e".repeat(2_001)), new Answer("A2\n", FULL, "e".repeat(2_000))));
        // 2,001 characters is one over the bound of 2,000; exactly 2,000 passes. "A2\n" carries a control character.
        assertThat(AssessmentValidator.problems(assessment, MODELS)).containsExactly(
                "submissionId: not a valid id (letters, digits, '.', '_', '-', at most 64, starting with a letter or digit)",
                "enterpriseId: not a valid id (letters, digits, '.', '_', '-', at most 64, starting with a letter or digit)",
                "answers[1].requirementId: not a valid id (letters, digits, '.', '_', '-', at most 64, starting with a"
                        + " letter or digit)",
                "answers[0].evidence: 2001 characters; at most 2000");
    }

    @Test
    void readerQuotesAtMostEightyCharactersOfAValue() {
        String json = "{\"submissionId\": " + "[" + "1,".repeat(1_000) + "1]" + ", \"enterpriseId\": \"e\","
                + " \"modelVersion\": \"test-model\", \"submittedAt\": \"2025-06-30T08:00:00Z\", \"answers\": []}";
        assertThatThrownBy(() -> AssessmentReader.read(json, "a.json", MODELS))
                .isInstanceOfSatisfying(AssessmentException.class, e -> assertThat(e.problems()).containsExactly(
                        // The array's text is "[1,1,...,1]": 1 + 2 x 1,001 - 1 + 1 = 2,003 characters; 80 are quoted.
                        "submissionId: expected a string, got [" + "1,".repeat(39) + "1... (2003 characters)",
                        "submissionId: missing"));
    }
}

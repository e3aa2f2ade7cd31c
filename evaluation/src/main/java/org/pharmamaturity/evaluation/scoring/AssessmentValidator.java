package org.pharmamaturity.evaluation.scoring;

import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.Requirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a self-assessment against the models in force: required fields, a modelVersion that exists, known and
 * unique requirement ids, a grade on every answer. Reports every problem, never only the first.
 */
public final class AssessmentValidator {

    private AssessmentValidator() {
    }

    /** Throws {@link AssessmentException} listing every problem of {@code assessment}. */
    public static void validate(Assessment assessment, ModelRegistry models) {
        List<String> problems = problems(assessment, models);
        if (!problems.isEmpty()) {
            throw new AssessmentException(describe(assessment.submissionId()), problems);
        }
    }

    /** Every problem of {@code assessment}; empty when it can be scored. */
    public static List<String> problems(Assessment assessment, ModelRegistry models) {
        List<String> problems = new ArrayList<>();
        List<String> requirementIds = null;
        if (assessment.answers() != null) {
            requirementIds = new ArrayList<>();
            for (int i = 0; i < assessment.answers().size(); i++) {
                Answer answer = assessment.answers().get(i);
                requirementIds.add(answer.requirementId());
                if (answer.requirementId() == null || answer.requirementId().isBlank()) {
                    problems.add("answers[" + i + "].requirementId: missing");
                }
                if (answer.grade() == null) {
                    problems.add("answers[" + i + "].grade: missing");
                }
            }
        }
        problems.addAll(problems(assessment.submissionId(), assessment.enterpriseId(), assessment.modelVersion(),
                assessment.submittedAt(), requirementIds, models));
        return problems;
    }

    /** The checks shared with {@link AssessmentReader}; null entries in {@code requirementIds} are skipped. */
    static List<String> problems(String submissionId, String enterpriseId, String modelVersion, Instant submittedAt,
                                 List<String> requirementIds, ModelRegistry models) {
        List<String> problems = new ArrayList<>();
        if (isBlank(submissionId)) {
            problems.add("submissionId: missing");
        }
        if (isBlank(enterpriseId)) {
            problems.add("enterpriseId: missing");
        }
        if (submittedAt == null) {
            problems.add("submittedAt: missing");
        }
        if (requirementIds == null) {
            problems.add("answers: missing");
        }
        Optional<MaturityModel> model = Optional.empty();
        if (isBlank(modelVersion)) {
            problems.add("modelVersion: missing");
        } else {
            model = models.find(modelVersion);
            if (model.isEmpty()) {
                problems.add("modelVersion: '" + modelVersion + "' does not exist; models in force: "
                        + String.join(", ", models.versions()));
            }
        }
        if (model.isPresent() && requirementIds != null) {
            checkRequirementIds(model.get(), requirementIds, problems);
        }
        return problems;
    }

    private static void checkRequirementIds(MaturityModel model, List<String> requirementIds, List<String> problems) {
        Set<String> known = model.requirements().stream().map(Requirement::requirementId).collect(Collectors.toSet());
        Map<String, Integer> firstAnswer = new HashMap<>();
        for (int i = 0; i < requirementIds.size(); i++) {
            String id = requirementIds.get(i);
            if (isBlank(id)) {
                continue;
            }
            if (!known.contains(id)) {
                problems.add("answers[" + i + "].requirementId: '" + id + "' is not a requirement of model "
                        + model.modelVersion());
            }
            Integer first = firstAnswer.putIfAbsent(id, i);
            if (first != null) {
                problems.add("answers[" + i + "].requirementId: '" + id + "' is already answered at answers[" + first + "]");
            }
        }
    }

    static String describe(String submissionId) {
        return isBlank(submissionId) ? "(no submissionId)" : "'" + submissionId + "'";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

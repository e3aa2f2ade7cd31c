package org.pharmamaturity.evaluation.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pharmamaturity.evaluation.json.TextBounds;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.Requirement;

/**
 * Checks a self-assessment against the models in force: required fields, ids within {@link TextBounds} (so no
 * submission carries an id the REST API could not look up), evidence of bounded length, a modelVersion that
 * exists, known and unique requirement ids, a grade on every answer. Reports every problem, never only the first.
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
        if (assessment.answers() != null) {
            for (int i = 0; i < assessment.answers().size(); i++) {
                Answer answer = assessment.answers().get(i);
                if (answer.requirementId() == null || answer.requirementId().isBlank()) {
                    problems.add("answers[" + i + "].requirementId: missing");
                }
                if (answer.grade() == null) {
                    problems.add("answers[" + i + "].grade: missing");
                }
            }
        }
        problems.addAll(problemsOfParsed(assessment, models));
        return problems;
    }

    /**
     * The checks of {@link #problems} for a document read by {@link AssessmentReader#parse}, which has already
     * reported missing or malformed answer fields as problems of form (so they are not reported twice).
     */
    public static List<String> problemsOfParsed(Assessment assessment, ModelRegistry models) {
        List<String> requirementIds = assessment.answers() == null ? null
                : assessment.answers().stream().map(Answer::requirementId).toList();
        List<String> problems = problems(assessment.submissionId(), assessment.enterpriseId(),
                assessment.modelVersion(), assessment.submittedAt(), requirementIds, models);
        List<Answer> answers = assessment.answers() == null ? List.of() : assessment.answers();
        for (int i = 0; i < answers.size(); i++) {
            TextBounds.textProblem("answers[" + i + "].evidence", answers.get(i).evidence()).ifPresent(problems::add);
        }
        return problems;
    }

    /** The checks of ids, times and the model; null entries in {@code requirementIds} are skipped. */
    private static List<String> problems(String submissionId, String enterpriseId, String modelVersion, Instant submittedAt,
                                 List<String> requirementIds, ModelRegistry models) {
        List<String> problems = new ArrayList<>();
        if (isBlank(submissionId)) {
            problems.add("submissionId: missing");
        }
        TextBounds.idProblem("submissionId", submissionId).ifPresent(problems::add);
        if (isBlank(enterpriseId)) {
            problems.add("enterpriseId: missing");
        }
        TextBounds.idProblem("enterpriseId", enterpriseId).ifPresent(problems::add);
        if (submittedAt == null) {
            problems.add("submittedAt: missing");
        }
        if (requirementIds == null) {
            problems.add("answers: missing");
        }
        Optional<MaturityModel> model = Optional.empty();
        if (isBlank(modelVersion)) {
            problems.add("modelVersion: missing");
        } else if (!TextBounds.isId(modelVersion)) {
            problems.add("modelVersion: not a valid id (" + TextBounds.ID_RULE + "); models in force: "
                    + String.join(", ", models.versions()));
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
            if (!TextBounds.isId(id)) {
                problems.add("answers[" + i + "].requirementId: not a valid id (" + TextBounds.ID_RULE + ")");
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
        return isBlank(submissionId) ? "(no submissionId)" : "'" + TextBounds.shown(submissionId) + "'";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

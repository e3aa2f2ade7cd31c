package org.pharmamaturity.evaluation.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonFields;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.ModelRegistry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a self-assessment document (DESIGN.md section 5 "assessment") and checks it against the models in
 * force, reporting the malformed fields and the failed checks together in one {@link AssessmentException}.
 */
public final class AssessmentReader {

    private AssessmentReader() {
    }

    /** Reads and validates {@code json}; {@code source} names it in messages when it has no submissionId. */
    public static Assessment read(String json, String source, ModelRegistry models) {
        JsonNode root = Json.tree(json, problem -> new AssessmentException(source, List.of(problem)));
        JsonFields fields = JsonFields.root(root, "assessment");
        String submissionId = fields.optionalText("submissionId");
        String enterpriseId = fields.optionalText("enterpriseId");
        String modelVersion = fields.optionalText("modelVersion");
        Instant submittedAt = readInstant(fields, "submittedAt");
        List<JsonFields> answerFields = fields.optionalObjects("answers");
        List<String> requirementIds = answerFields == null ? null : new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (JsonFields answer : answerFields == null ? List.<JsonFields>of() : answerFields) {
            String requirementId = answer.text("requirementId");
            Grade grade = answer.choice("grade", Grade.values(), Enum::name);
            requirementIds.add(requirementId);
            answers.add(new Answer(requirementId, grade, answer.optionalText("evidence")));
        }
        List<String> problems = new ArrayList<>(fields.problems());
        problems.addAll(AssessmentValidator.problems(submissionId, enterpriseId, modelVersion,
                submittedAt, requirementIds, models));
        if (!problems.isEmpty()) {
            String name = submissionId == null ? source : AssessmentValidator.describe(submissionId);
            throw new AssessmentException(name, problems);
        }
        return new Assessment(submissionId, enterpriseId, modelVersion, submittedAt, answers);
    }

    private static Instant readInstant(JsonFields fields, String name) {
        String text = fields.optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            fields.problem(name + ": '" + text + "' is not an ISO-8601 instant such as 2025-06-30T08:00:00Z");
            // A stand-in so the validator does not report the field missing too; the problem above stops scoring.
            return Instant.EPOCH;
        }
    }
}

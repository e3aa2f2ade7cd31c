package org.pharmamaturity.evaluation.scoring;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonFields;
import org.pharmamaturity.evaluation.json.TextBounds;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.ModelRegistry;

/**
 * Reads a self-assessment document (DESIGN.md section 5 "assessment") and checks it against the models in
 * force, reporting the malformed fields and the failed checks together in one {@link AssessmentException}.
 */
public final class AssessmentReader {

    private AssessmentReader() {
    }

    /** Reads and validates {@code json}; {@code source} names it in messages when it has no submissionId. */
    public static Assessment read(String json, String source, ModelRegistry models) {
        Parsed parsed = parse(json);
        if (parsed.assessment() == null) {
            throw new AssessmentException(source, parsed.problems());
        }
        List<String> problems = new ArrayList<>(parsed.problems());
        problems.addAll(AssessmentValidator.problemsOfParsed(parsed.assessment(), models));
        if (!problems.isEmpty()) {
            String submissionId = parsed.assessment().submissionId();
            String name = submissionId == null ? source : AssessmentValidator.describe(submissionId);
            throw new AssessmentException(name, problems);
        }
        return parsed.assessment();
    }

    /**
     * What {@code json} holds, as far as it could be read, and the problems of its form (not JSON, wrong types,
     * missing answer fields); the checks against the models are {@link AssessmentValidator}'s. For callers that
     * add checks of their own and report every problem at once.
     */
    public static Parsed parse(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return new Parsed(null, List.of("not valid JSON: " + TextBounds.shown(e.getOriginalMessage())));
        }
        JsonFields fields = JsonFields.root(root, "assessment");
        String submissionId = fields.optionalText("submissionId");
        String enterpriseId = fields.optionalText("enterpriseId");
        String modelVersion = fields.optionalText("modelVersion");
        Instant submittedAt = readInstant(fields, "submittedAt");
        List<JsonFields> answerFields = fields.optionalObjects("answers");
        List<Answer> answers = answerFields == null ? null : new ArrayList<>();
        for (JsonFields answer : answerFields == null ? List.<JsonFields>of() : answerFields) {
            answers.add(new Answer(answer.text("requirementId"), answer.choice("grade", Grade.values(), Enum::name),
                    answer.optionalText("evidence")));
        }
        return new Parsed(new Assessment(submissionId, enterpriseId, modelVersion, submittedAt, answers),
                List.copyOf(fields.problems()));
    }

    /**
     * A document as read: the assessment (fields that were missing or malformed are null) and its form problems.
     *
     * @param assessment what could be read; null when {@code json} is not JSON at all
     * @param problems one sentence per defect of form, empty when there is none
     */
    public record Parsed(Assessment assessment, List<String> problems) {
    }

    private static Instant readInstant(JsonFields fields, String name) {
        String text = fields.optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            fields.problem(name + ": '" + TextBounds.shown(text) + "' is not an ISO-8601 instant such as 2025-06-30T08:00:00Z");
            // A stand-in so the validator does not report the field missing too; the problem above stops scoring.
            return Instant.EPOCH;
        }
    }
}

package org.pharmamaturity.evaluation.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pharmamaturity.evaluation.json.IsoText;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonDocument;
import org.pharmamaturity.evaluation.json.TextBounds;
import org.pharmamaturity.evaluation.model.ModelRegistry;

/**
 * Reads a self-assessment document (DESIGN.md section 5 "assessment", defined by the JSON Schema {@value #SCHEMA})
 * and checks it against the models in force, reporting the malformed fields and the failed checks together in one
 * {@link AssessmentException}.
 */
public final class AssessmentReader {

    /** The JSON Schema of assessment files, a resource of the evaluation module. */
    public static final String SCHEMA = "/json-schema/assessment.schema.json";

    private static final String SUBMITTED_AT = "submittedAt";
    private static final JsonDocument<Assessment> DOCUMENT = JsonDocument.of("assessment", SCHEMA, Assessment.class);

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
     * What {@code json} holds, as far as it could be read, and the problems of its form (not JSON, departures from
     * the schema); the checks against the models are {@link AssessmentValidator}'s. For callers that add checks of
     * their own and report every problem at once.
     */
    public static Parsed parse(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return new Parsed(null, List.of("not valid JSON: " + TextBounds.shown(e.getOriginalMessage())));
        }
        // What the schema rejects is left out (read as absent), so the validator reports only what is still wrong.
        ObjectNode readable = (ObjectNode) DOCUMENT.readable(root);
        Optional<JsonDocument.Problem> badTime = IsoText.check(readable, List.of(SUBMITTED_AT), Instant::parse,
                "an ISO-8601 instant such as 2025-06-30T08:00:00Z");
        // A stand-in so the validator does not report the field missing too; the problem stops scoring.
        badTime.ifPresent(problem -> readable.put(SUBMITTED_AT, Instant.EPOCH.toString()));
        return new Parsed(DOCUMENT.bind(readable), DOCUMENT.problems(root, badTime.stream().toList()));
    }

    /**
     * A document as read: the assessment (fields that were missing or malformed are null) and its form problems.
     *
     * @param assessment what could be read; null when {@code json} is not JSON at all
     * @param problems one sentence per defect of form, empty when there is none
     */
    public record Parsed(Assessment assessment, List<String> problems) {
    }
}

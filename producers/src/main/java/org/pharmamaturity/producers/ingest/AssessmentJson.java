package org.pharmamaturity.producers.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.evaluation.scoring.AssessmentException;
import org.pharmamaturity.evaluation.scoring.AssessmentReader;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;

/**
 * A self-assessment as one JSON document (DESIGN.md section 5 "assessment"), read and checked by the evaluation
 * module's {@link AssessmentReader} so the CLI accepts exactly what the scorer accepts. Problems name the JSON
 * path (e.g. {@code answers[3].grade}) rather than a line.
 */
final class AssessmentJson {

    private AssessmentJson() {
    }

    static Validation validate(Path file, ModelRegistry models) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IngestException("Cannot read " + file + " (" + e + "): check the path.", e);
        }
        SourceRow document = new SourceRow(file, 0, Map.of(), json, null);
        try {
            Assessment assessment = AssessmentReader.read(json, file.toString(), models);
            List<AssessmentAnswer> answers = assessment.answers().stream()
                    .map(a -> new AssessmentAnswer(a.requirementId(), Grade.valueOf(a.grade().name()), a.evidence()))
                    .toList();
            String eventId = UUID.nameUUIDFromBytes((file.getFileName() + ":" + assessment.submissionId())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            SelfAssessmentSubmission submission = new SelfAssessmentSubmission(eventId, assessment.submittedAt(),
                    assessment.enterpriseId(), assessment.submissionId(), assessment.modelVersion(),
                    assessment.submittedAt(), answers);
            return new Validation(List.of(new ParsedRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED,
                    assessment.enterpriseId(), submission)), List.of(), List.of());
        } catch (AssessmentException e) {
            List<RowProblem> problems = e.problems().stream().map(problem -> {
                int colon = problem.indexOf(": ");
                return colon < 0 ? new RowProblem(file, 0, "assessment", problem)
                        : new RowProblem(file, 0, problem.substring(0, colon), problem.substring(colon + 2));
            }).toList();
            return new Validation(List.of(), problems, List.of(document));
        }
    }
}

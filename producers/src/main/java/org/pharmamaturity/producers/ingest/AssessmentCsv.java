package org.pharmamaturity.producers.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.Requirement;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;

/**
 * The spreadsheet questionnaire layout of a self-assessment: one row per requirement,
 * {@code enterpriseId,submissionId,modelVersion,submittedAt,requirementId,grade,evidence}; the rows of one
 * submissionId make one submission. A row is checked on its own (types, a model in force, a requirement of that
 * model) and against the submission's first row (same enterprise, model and time, no requirement answered twice).
 * A submission with a bad row is refused whole, since a partial questionnaire would score missing answers as NONE.
 */
final class AssessmentCsv {

    private AssessmentCsv() {
    }

    static Validation validate(List<SourceRow> rows, ModelRegistry models, Instant ingestTime) {
        Map<String, Submission> submissions = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Set<String>> requirementIdsByModel = new HashMap<>();
        for (SourceRow row : rows) {
            if (row.malformed() != null) {
                problems.add(new RowProblem(row.file(), row.line(), "row", row.malformed()));
                continue;
            }
            RowFields fields = new RowFields(row, ingestTime);
            String enterpriseId = fields.text("enterpriseId");
            String submissionId = fields.text("submissionId");
            String modelVersion = fields.text("modelVersion");
            Instant submittedAt = fields.instant("submittedAt");
            String requirementId = fields.text("requirementId");
            Grade grade = fields.choice("grade", Grade.class);
            String evidence = fields.optionalText("evidence");
            if (modelVersion != null) {
                MaturityModel model = models.find(modelVersion).orElse(null);
                if (model == null) {
                    fields.problem("modelVersion", "'" + modelVersion + "' is not a model in force: "
                            + String.join(", ", models.versions()));
                } else if (requirementId != null && !requirementIdsByModel
                        .computeIfAbsent(modelVersion, v -> requirementIds(model)).contains(requirementId)) {
                    fields.problem("requirementId", "'" + requirementId + "' is not a requirement of model " + modelVersion);
                }
            }
            Submission submission = submissionId == null ? null : submissions.computeIfAbsent(submissionId,
                    id -> new Submission(id, row, enterpriseId, modelVersion, submittedAt));
            if (submission != null) {
                submission.check(fields, row, enterpriseId, modelVersion, submittedAt, requirementId);
                submission.rows.add(row);
            }
            problems.addAll(fields.problems());
            if (submission != null && fields.problems().isEmpty()) {
                submission.answers.add(new AssessmentAnswer(requirementId, grade, evidence));
            } else if (submission != null) {
                submission.badLine = Math.min(submission.badLine, row.line());
            }
        }
        List<ParsedRecord<?>> records = new ArrayList<>();
        List<SourceRow> rejected = new ArrayList<>();
        for (Submission submission : submissions.values()) {
            if (submission.badLine == Integer.MAX_VALUE) {
                records.add(submission.record());
                continue;
            }
            rejected.addAll(submission.rows);
            for (SourceRow row : submission.rows) {
                boolean reported = problems.stream().anyMatch(p -> p.file().equals(row.file()) && p.line() == row.line());
                if (!reported) {
                    problems.add(new RowProblem(row.file(), row.line(), "submissionId", "'" + submission.submissionId
                            + "' is refused whole because line " + submission.badLine + " is bad"));
                }
            }
        }
        rows.stream().filter(row -> row.malformed() != null).forEach(rejected::add);
        rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Validation(records, problems, rejected);
    }

    private static Set<String> requirementIds(MaturityModel model) {
        return model.requirements().stream().map(Requirement::requirementId).collect(Collectors.toSet());
    }

    /** The rows of one submissionId, checked against its first row. */
    private static final class Submission {
        final String submissionId;
        final SourceRow first;
        final String enterpriseId;
        final String modelVersion;
        final Instant submittedAt;
        final List<SourceRow> rows = new ArrayList<>();
        final List<AssessmentAnswer> answers = new ArrayList<>();
        final Map<String, Integer> lineByRequirement = new HashMap<>();
        int badLine = Integer.MAX_VALUE;

        Submission(String submissionId, SourceRow first, String enterpriseId, String modelVersion, Instant submittedAt) {
            this.submissionId = submissionId;
            this.first = first;
            this.enterpriseId = enterpriseId;
            this.modelVersion = modelVersion;
            this.submittedAt = submittedAt;
        }

        void check(RowFields fields, SourceRow row, String rowEnterprise, String rowModel, Instant rowSubmittedAt,
                   String requirementId) {
            sameAsFirst(fields, "enterpriseId", enterpriseId, rowEnterprise);
            sameAsFirst(fields, "modelVersion", modelVersion, rowModel);
            sameAsFirst(fields, "submittedAt", submittedAt, rowSubmittedAt);
            if (requirementId != null) {
                Integer earlier = lineByRequirement.putIfAbsent(requirementId, row.line());
                if (earlier != null) {
                    fields.problem("requirementId", "'" + requirementId + "' is already answered at line " + earlier);
                }
            }
        }

        private void sameAsFirst(RowFields fields, String field, Object expected, Object actual) {
            if (expected != null && actual != null && !Objects.equals(expected, actual)) {
                fields.problem(field, "'" + actual + "' differs from '" + expected + "' on line " + first.line()
                        + " of submission " + submissionId);
            }
        }

        ParsedRecord<SelfAssessmentSubmission> record() {
            String origin = first.file().getFileName() + ":" + submissionId;
            String eventId = UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)).toString();
            return new ParsedRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED, enterpriseId, new SelfAssessmentSubmission(
                    eventId, submittedAt, enterpriseId, submissionId, modelVersion, submittedAt, List.copyOf(answers)));
        }
    }
}

package org.pharmamaturity.streams.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.evaluation.scoring.AssessmentReader;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.streams.maturity.Assessments;
import org.pharmamaturity.streams.validation.CheckContext;
import org.pharmamaturity.streams.validation.InputSpecs;
import org.pharmamaturity.streams.validation.Problem;

/**
 * {@code POST /api/v1/assessments}: an enterprise submits its self-assessment (the JSON "assessment" of DESIGN.md
 * section 5; submissionId, submittedAt and enterpriseId may be left out and default to a new id, now and the
 * token's enterprise). It is refused with every problem listed in one 400 when the pipeline would dead-letter it:
 * the pipeline's own checks ({@link InputSpecs#checkAssessment}: a submittedAt beyond the allowed future skew, the
 * evaluation library's checks against the models in force and bounds), and an enterprise that is not the token's
 * or not registered. Then it is published; the 202 answer says where and from when the new score is visible.
 */
final class AssessmentResource {

    private final ModelRegistry models;
    private final InputPublisher<SelfAssessmentSubmission> publisher;
    private final Duration commitInterval;
    private final Clock clock;
    private final Duration maxFutureSkew;
    private final Predicate<String> registered;

    /**
     * {@code maxFutureSkew} is the pipeline's ({@code maturity.validation.max-future-skew}); {@code registered} says
     * whether ref.enterprise knows an enterprise (the pipeline dead-letters the others).
     */
    AssessmentResource(ModelRegistry models, InputPublisher<SelfAssessmentSubmission> publisher,
            Duration commitInterval, Clock clock, Duration maxFutureSkew, Predicate<String> registered) {
        this.registered = registered;
        this.models = models;
        this.publisher = publisher;
        this.commitInterval = commitInterval;
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
    }

    List<Route> routes() {
        return List.of(Route.post("/api/v1/assessments", this::submit));
    }

    private ApiResponse submit(ApiRequest request) throws InterruptedException {
        Caller caller = request.caller();
        if (caller.isRegulator()) {
            throw ApiException.forbidden("Regulators read; an enterprise submits its own self-assessment with its"
                    + " own token.");
        }
        Instant now = clock.instant();
        ObjectNode body = Submissions.object(request.body(), "assessment");
        body.putIfAbsent("submissionId", body.textNode(UUID.randomUUID().toString()));
        body.putIfAbsent("submittedAt", body.textNode(now.toString()));
        body.putIfAbsent("enterpriseId", body.textNode(caller.enterpriseId()));
        List<String> problems = new ArrayList<>();
        Submissions.checkEnterprise(caller, body.path("enterpriseId").asText(), registered, "assessment", problems);
        AssessmentReader.Parsed parsed = AssessmentReader.parse(body.toString());
        problems.addAll(parsed.problems());
        List<Problem> pipelineProblems = new ArrayList<>();
        InputSpecs.checkAssessment(parsed.assessment(), new CheckContext(now.toEpochMilli(), maxFutureSkew.toMillis(),
                CheckContext.AssessmentChecker.againstParsed(models)), pipelineProblems);
        pipelineProblems.forEach(problem -> problems.add(problem.message()));
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("The self-assessment is not valid (" + problems.size()
                    + " problem(s)); correct every one and submit it again.", List.copyOf(problems));
        }
        Assessment assessment = parsed.assessment();
        String eventId = UUID.nameUUIDFromBytes(("api:" + assessment.enterpriseId() + ":" + assessment.submissionId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        RecordMetadata published = publisher.publish(Assessments.toAvro(assessment, eventId, now));
        String location = "/api/v1/enterprises/" + assessment.enterpriseId();
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("submissionId", assessment.submissionId());
        answer.put("enterpriseId", assessment.enterpriseId());
        answer.put("modelVersion", assessment.modelVersion());
        return ApiResponse.json(202, Submissions.accepted(answer, published, now, commitInterval, location,
                "assessment (unless a later submittedAt of this enterprise is already scored)"),
                Map.of("Location", location));
    }
}

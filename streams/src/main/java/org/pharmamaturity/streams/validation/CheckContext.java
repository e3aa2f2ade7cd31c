package org.pharmamaturity.streams.validation;

import java.time.Instant;
import java.util.List;

import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.evaluation.scoring.AssessmentValidator;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;

/**
 * What type checks may consult: the processing clock, the allowed future skew, the models in force and the
 * check of scenario declarations.
 *
 * @param nowMs processing wall-clock time
 * @param maxFutureSkewMs how far a time may lie ahead of {@code nowMs}
 * @param assessmentProblems checks a self-assessment against the models in force
 * @param scenarioDeclarations checks scenario declarations against the catalogue in force
 */
public record CheckContext(long nowMs, long maxFutureSkewMs, AssessmentChecker assessmentProblems,
        ScenarioDeclarations scenarioDeclarations) {

    /** A context for checking self-assessments only (the API's), which consults no scenario catalogue. */
    public CheckContext(long nowMs, long maxFutureSkewMs, AssessmentChecker assessmentProblems) {
        this(nowMs, maxFutureSkewMs, assessmentProblems, null);
    }

    /** Checks a self-assessment against the models in force; returns one sentence per problem. */
    @FunctionalInterface
    public interface AssessmentChecker {

        /** One sentence per problem; empty when the submission can be scored. */
        List<String> problems(Assessment submission);

        /** The evaluation library's checks against {@code models}. */
        static AssessmentChecker against(ModelRegistry models) {
            return submission -> AssessmentValidator.problems(submission, models);
        }

        /**
         * The same checks for a document read by {@code AssessmentReader.parse}, whose problems of form already name
         * missing or malformed answer fields.
         */
        static AssessmentChecker againstParsed(ModelRegistry models) {
            return submission -> AssessmentValidator.problemsOfParsed(submission, models);
        }
    }

    /** Adds a FUTURE_TIMESTAMP problem when {@code time} lies more than the allowed skew ahead of now. */
    public void requireNotFuture(String field, Instant time, List<Problem> problems) {
        if (time.toEpochMilli() > nowMs + maxFutureSkewMs) {
            problems.add(new Problem(DeadLetterReason.FUTURE_TIMESTAMP, field + " " + time + " is more than "
                    + maxFutureSkewMs + " ms after the processing time " + Instant.ofEpochMilli(nowMs)
                    + "; check the source's clock"));
        }
    }
}

package org.pharmamaturity.streams.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.TextBounds;

/**
 * What the submitting resources (self-assessments, scenario declarations) share: reading the body as one JSON
 * object, checking the enterprise a record is for, and the 202 answer that says where and from when the result
 * is visible.
 */
final class Submissions {

    private Submissions() {
    }

    /** The body as one JSON object; 400 naming {@code what} otherwise. */
    static ObjectNode object(byte[] body, String what) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("The body is not valid JSON (" + e.getOriginalMessage() + "); send one "
                    + what + " object.");
        } catch (IOException e) {
            throw ApiException.badRequest("The body could not be read; send one " + what + " object.");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ApiException.badRequest("The body must be one JSON object (the " + what + "), not "
                    + (tree == null || tree.isMissingNode() ? "nothing"
                            : tree.getNodeType().name().toLowerCase(Locale.ROOT)) + ".");
        }
        return object;
    }

    /**
     * Adds a problem when {@code caller} may not submit for {@code enterpriseId} (an enterprise token submits for
     * its own enterprise only) or ref.enterprise does not know it (the pipeline would dead-letter the record).
     */
    static void checkEnterprise(Caller caller, String enterpriseId, Predicate<String> registered, String what,
            List<String> problems) {
        if (enterpriseId == null || enterpriseId.isBlank()) {
            return;
        }
        if (!caller.isRegulator() && !caller.enterpriseId().equals(enterpriseId)) {
            problems.add("enterpriseId: '" + TextBounds.shown(enterpriseId) + "' is not the enterprise of this token ("
                    + caller.enterpriseId() + ")");
        } else if (!registered.test(enterpriseId)) {
            problems.add("enterpriseId: '" + TextBounds.shown(enterpriseId) + "' is not registered in ref.enterprise; register the"
                    + " enterprise first (the pipeline would set its " + what + " aside as a dead letter)");
        }
    }

    /**
     * The 202 answer's body: when and where the record was accepted and when the pipeline's result is visible at
     * {@code location}, with the fields particular to the record already in {@code answer}.
     */
    static ObjectNode accepted(ObjectNode answer, RecordMetadata published, Instant now, Duration commitInterval,
            String location, String what) {
        answer.put("acceptedAt", now.toString());
        answer.put("topic", published.topic());
        answer.put("partition", published.partition());
        answer.put("offset", published.offset());
        answer.put("visibleAfter", now.plus(commitInterval).toString());
        answer.put("visibility", "The pipeline takes the " + what + " into account as soon as it reads it and makes"
                + " the result visible at its next commit (commit.interval.ms = " + commitInterval.toMillis() + "); GET "
                + location + " shows it from then.");
        return answer;
    }
}

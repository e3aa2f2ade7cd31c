package org.pharmamaturity.streams.api;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pharmamaturity.evaluation.json.Json;

/**
 * The one shape of every error answer: {@code {status, error, message, problems, problemCount}}. A message says
 * what happened and what to do; nothing of a stack trace ever reaches the caller. {@code problems} lists the first
 * {@link #MAX_PROBLEMS} problems and {@code problemCount} says how many there are, so that an answer stays small
 * whatever was sent.
 */
final class ErrorResponses {

    /** The most problems one answer lists. */
    static final int MAX_PROBLEMS = 100;

    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 405, "Method Not Allowed", 413, "Content Too Large",
            415, "Unsupported Media Type", 500, "Internal Server Error", 503, "Service Unavailable");

    private ErrorResponses() {
    }

    static ApiResponse of(ApiException error) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("status", error.status());
        body.put("error", REASONS.getOrDefault(error.status(), "Error"));
        body.put("message", error.getMessage());
        ArrayNode problems = body.putArray("problems");
        error.problems().stream().limit(MAX_PROBLEMS).forEach(problems::add);
        body.put("problemCount", error.problems().size());
        return ApiResponse.json(error.status(), body, error.headers());
    }

    /** An unexpected failure: the caller gets the request id to quote, the log gets the details. */
    static ApiResponse internal(String requestId) {
        return of(new ApiException(500, "The service failed to answer (request " + requestId
                + "); the operator finds the cause in the service log under that id.", java.util.List.of(), Map.of()));
    }
}

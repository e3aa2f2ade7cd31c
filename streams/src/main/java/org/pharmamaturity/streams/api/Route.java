package org.pharmamaturity.streams.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the route table: method, path template ({@code /api/v1/enterprises/{id}}), the query parameters
 * it accepts (any other is a 400), whether it takes a bearer token, and its handler. The OpenAPI test compares
 * this table with {@code openapi.json} both ways.
 */
record Route(String method, String template, Set<String> queryParameters, Access access, Handler handler) {

    /** Whether a route needs a bearer token. */
    enum Access {
        /** No token is read (health, the OpenAPI document). */
        PUBLIC,
        /** Answers without a token, and more with a valid one; a token given must be valid (401 otherwise). */
        OPTIONAL_TOKEN,
        /** A valid token is required (401 otherwise). */
        TOKEN
    }

    /** Answers one matched request. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    static Route get(String template, Set<String> queryParameters, Handler handler) {
        return new Route("GET", template, queryParameters, Access.TOKEN, handler);
    }

    static Route publicGet(String template, Handler handler) {
        return new Route("GET", template, Set.of(), Access.PUBLIC, handler);
    }

    /** A GET that answers without a token; the handler sees the caller of a valid token, else null. */
    static Route optionalTokenGet(String template, Handler handler) {
        return new Route("GET", template, Set.of(), Access.OPTIONAL_TOKEN, handler);
    }

    static Route post(String template, Handler handler) {
        return new Route("POST", template, Set.of(), Access.TOKEN, handler);
    }

    /** The path parameters when {@code segments} (decoded) match the template, by name. */
    Optional<Map<String, String>> match(List<String> segments) {
        String[] parts = template.substring(1).split("/");
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                parameters.put(parts[i].substring(1, parts[i].length() - 1), segments.get(i));
            } else if (!parts[i].equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}

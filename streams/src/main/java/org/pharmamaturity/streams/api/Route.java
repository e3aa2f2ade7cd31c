package org.pharmamaturity.streams.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the route table: method, path template ({@code /api/v1/enterprises/{id}}), the query parameters
 * it accepts (any other is a 400), whether it needs a bearer token, and its handler. The OpenAPI test compares
 * this table with {@code openapi.json} both ways.
 */
record Route(String method, String template, Set<String> queryParameters, boolean authenticated, Handler handler) {

    /** Answers one matched request. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    static Route get(String template, Set<String> queryParameters, Handler handler) {
        return new Route("GET", template, queryParameters, true, handler);
    }

    static Route publicGet(String template, Handler handler) {
        return new Route("GET", template, Set.of(), false, handler);
    }

    static Route post(String template, Handler handler) {
        return new Route("POST", template, Set.of(), true, handler);
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

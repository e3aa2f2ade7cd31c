package org.pharmamaturity.streams.api;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pharmamaturity.evaluation.json.Json;

/**
 * Limit/offset paging of list answers ({@code {total, offset, limit, items}}). A forwarded request gets every
 * item of its instance instead, so the instance that fanned it out can merge before it pages.
 */
final class Paging {

    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    /** The page the request asks for of {@code items}, sorted by {@code order}. */
    static ApiResponse page(ApiRequest request, List<JsonNode> items, Comparator<JsonNode> order) {
        List<JsonNode> sorted = items.stream().sorted(order).toList();
        ObjectNode body = Json.mapper().createObjectNode();
        if (request.forwarded()) {
            body.putArray("items").addAll(sorted);
            return ApiResponse.json(200, body);
        }
        int limit = Parameters.integer(request, LIMIT, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = Parameters.integer(request, OFFSET, 0, 0, Integer.MAX_VALUE);
        body.put("total", sorted.size());
        body.put("offset", offset);
        body.put("limit", limit);
        body.putArray("items").addAll(sorted.subList(Math.min(offset, sorted.size()),
                (int) Math.min((long) offset + limit, sorted.size())));
        return ApiResponse.json(200, body);
    }

    /** Orders items by a text field. */
    static Comparator<JsonNode> byText(String field) {
        return Comparator.comparing(node -> node.path(field).asText());
    }
}

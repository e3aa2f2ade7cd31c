package org.pharmamaturity.streams.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.pharmamaturity.evaluation.json.Json;

/**
 * What the server sends back: status, content type, body and extra headers. The body is bytes as they go on the
 * wire, so binary files (spreadsheets) pass through unchanged.
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    /** {@code value} (a Jackson tree or any bean) as JSON. */
    static ApiResponse json(int status, Object value) {
        return json(status, value, Map.of());
    }

    static ApiResponse json(int status, Object value, Map<String, String> headers) {
        try {
            return new ApiResponse(status, JSON, Json.mapper().writeValueAsBytes(value), headers);
        } catch (JsonProcessingException e) {
            // The API writes only trees it built itself; failing here is a programming error.
            throw new IllegalStateException("cannot write the response as JSON", e);
        }
    }

    /** A body that is JSON text already (the model file, the OpenAPI document). */
    static ApiResponse jsonText(String text) {
        return new ApiResponse(200, JSON, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * A file to download: 200 with {@code contentType}, {@code body} as it is, and a Content-Disposition that makes
     * browsers and {@code curl -OJ} save it as {@code filename} (plain ASCII, so it needs no encoding).
     */
    static ApiResponse attachment(String contentType, byte[] body, String filename) {
        if (!filename.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("an attachment's file name must be plain ASCII: " + filename);
        }
        return new ApiResponse(200, contentType, body, Map.of("Content-Disposition",
                "attachment; filename=\"" + filename + "\"", "X-Content-Type-Options", "nosniff"));
    }
}

package org.pharmamaturity.streams.api;

import java.util.List;
import java.util.Map;

/**
 * A request the API answers with an error status: the message says what happened and what to do, the problems
 * list every defect of the input at once. The server turns it into a JSON error body ({@link ErrorResponses}).
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<String> problems;
    private final transient Map<String, String> headers;

    ApiException(int status, String message, List<String> problems, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message, List.of(), Map.of());
    }

    static ApiException badRequest(String message, List<String> problems) {
        return new ApiException(400, message, problems, Map.of());
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, message, List.of(), Map.of("WWW-Authenticate", "Bearer realm=\"maturity\""));
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, message, List.of(), Map.of());
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message, List.of(), Map.of());
    }

    static ApiException methodNotAllowed(String allowed) {
        return new ApiException(405, "This path answers " + allowed + " only.", List.of(), Map.of("Allow", allowed));
    }

    static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "The request body is larger than " + maxBytes
                + " bytes (maturity.api.max-body-bytes); send a smaller one.", List.of(),
                // The body is left unread, so the connection cannot carry another request.
                Map.of("Connection", "close"));
    }

    static ApiException unsupportedMediaType(String given) {
        return new ApiException(415, "The body must be JSON sent as 'Content-Type: application/json', not '"
                + given + "'.", List.of(), Map.of());
    }

    /** A temporary condition (rebalancing, another instance or the broker not answering): retry shortly. */
    static ApiException unavailable(String message) {
        return new ApiException(503, message, List.of(), Map.of("Retry-After", "1"));
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Every problem of the input, one sentence each (empty when the message says it all). */
    public List<String> problems() {
        return problems;
    }

    /** Extra response headers (WWW-Authenticate, Retry-After, Allow). */
    public Map<String, String> headers() {
        return headers;
    }
}

package org.pharmamaturity.streams.api;

import java.util.Map;
import java.util.Optional;

/**
 * A matched, authenticated request as the resources see it.
 *
 * @param rawPath the path as sent (forwarded unchanged to another instance)
 * @param pathParameters decoded path parameters by name
 * @param query decoded query parameters (each known to the route)
 * @param caller who sent it (null on public routes, and on optional-token routes called without a token)
 * @param authorization the Authorization header, passed on when the request is forwarded
 * @param forwarded true when another instance forwarded it, so it must be answered here
 * @param body the request body (empty for GET)
 */
record ApiRequest(String rawPath, Map<String, String> pathParameters, Map<String, String> query,
        Caller caller, String authorization, boolean forwarded, byte[] body) {

    /** The header that marks a request forwarded by another instance. */
    static final String FORWARDED_HEADER = "X-Maturity-Forwarded";

    String path(String name) {
        return pathParameters.get(name);
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isEmpty());
    }
}

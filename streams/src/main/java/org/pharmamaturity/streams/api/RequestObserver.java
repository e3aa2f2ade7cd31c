package org.pharmamaturity.streams.api;

import java.time.Duration;

/**
 * Told about every request the API served, for the serving metrics ({@code maturity_api_requests_total},
 * {@code maturity_api_request_duration_seconds}). The endpoint is the route template, so labels stay few.
 */
@FunctionalInterface
public interface RequestObserver {

    /** Observes nothing. */
    RequestObserver NONE = (endpoint, status, duration) -> {
    };

    /** A request to {@code endpoint} (a route template, or {@code unmatched}) was answered with {@code status}. */
    void served(String endpoint, int status, Duration duration);
}

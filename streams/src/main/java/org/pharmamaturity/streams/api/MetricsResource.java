package org.pharmamaturity.streams.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code GET /metrics}: the Prometheus text of the service's metrics, without a token (for the scraper). */
final class MetricsResource {

    private final MetricsScrape scrape;

    MetricsResource(MetricsScrape scrape) {
        this.scrape = scrape;
    }

    List<Route> routes() {
        return List.of(Route.publicGet("/metrics", request -> new ApiResponse(200, scrape.contentType(),
                scrape.scrape().getBytes(StandardCharsets.UTF_8), Map.of())));
    }
}

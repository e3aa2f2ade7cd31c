package org.pharmamaturity.streams.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics}: the Prometheus text of the service's metrics. Without a token it serves the pipeline's
 * health (no series naming an enterprise, no statistics over groups below the minimum size); with a token it serves
 * what the token's role may read ({@link MetricsAudience}): Prometheus scrapes with a regulator's token.
 */
final class MetricsResource {

    private final MetricsScrape scrape;
    private final GroupDisclosure groups;

    MetricsResource(MetricsScrape scrape, GroupDisclosure groups) {
        this.scrape = scrape;
        this.groups = groups;
    }

    List<Route> routes() {
        return List.of(Route.optionalTokenGet("/metrics", request -> new ApiResponse(200, scrape.contentType(),
                scrape.scrape(new MetricsAudience(request.caller(), groups)).getBytes(StandardCharsets.UTF_8),
                Map.of())));
    }
}

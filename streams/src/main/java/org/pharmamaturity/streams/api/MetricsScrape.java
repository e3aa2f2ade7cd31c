package org.pharmamaturity.streams.api;

/**
 * Where {@code GET /metrics} takes its Prometheus text from (the service's metrics registry). Without one the
 * endpoint answers an empty exposition. Series naming an enterprise, and statistics over small groups, are
 * confidential: {@link #scrape(MetricsAudience)} serves only what its audience may read.
 */
public interface MetricsScrape {

    /** Prometheus text format 0.0.4. */
    String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** An empty exposition. */
    MetricsScrape NONE = new MetricsScrape() {
        @Override
        public String scrape() {
            return "";
        }

        @Override
        public String scrape(MetricsAudience audience) {
            return "";
        }

        @Override
        public String contentType() {
            return PROMETHEUS_TEXT;
        }
    };

    /** Every current metric as exposition text, confidential ones included: for the process itself and tests. */
    String scrape();

    /** The current metrics {@code audience} may read, as exposition text. */
    String scrape(MetricsAudience audience);

    /** The content type of {@link #scrape()}. */
    String contentType();
}

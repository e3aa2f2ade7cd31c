package org.pharmamaturity.streams.api;

/**
 * Where {@code GET /metrics} takes its Prometheus text from (the service's metrics registry). Without one the
 * endpoint answers an empty exposition.
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
        public String contentType() {
            return PROMETHEUS_TEXT;
        }
    };

    /** The current metrics as exposition text. */
    String scrape();

    /** The content type of {@link #scrape()}. */
    String contentType();
}

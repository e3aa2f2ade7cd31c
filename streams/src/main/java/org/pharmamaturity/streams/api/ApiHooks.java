package org.pharmamaturity.streams.api;

/**
 * What the API reports to and reads from the service's metrics: the Prometheus text for {@code /metrics} and an
 * observer of every request served.
 */
public record ApiHooks(MetricsScrape metrics, RequestObserver requests) {

    /** No metrics: an empty {@code /metrics} and no request observation. */
    public static final ApiHooks NONE = new ApiHooks(MetricsScrape.NONE, RequestObserver.NONE);
}

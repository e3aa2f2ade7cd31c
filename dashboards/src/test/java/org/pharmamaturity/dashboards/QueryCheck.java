package org.pharmamaturity.dashboards;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs a panel query the way Grafana would (instant, or over the last 5 minutes) and says what would leave the panel
 * empty: no series at all, or NaN where a number belongs.
 */
final class QueryCheck {

    static final Duration RANGE = Duration.ofMinutes(5);
    static final Duration STEP = Duration.ofSeconds(15);

    private QueryCheck() {
    }

    /** The problems of {@code dashboard} with {@code binding}: one line per query that would show nothing. */
    static List<String> problems(Dashboard dashboard, Map<String, String> binding, PrometheusServer prometheus) {
        List<String> problems = new ArrayList<>();
        for (PanelQuery query : dashboard.queries()) {
            String bound = query.bind(binding);
            String problem = query.instant() ? instantProblem(prometheus.query(bound))
                    : rangeProblem(prometheus.queryRange(bound, RANGE, STEP));
            if (problem != null) {
                problems.add(query + " [" + bound + "]: " + problem);
            }
        }
        return problems;
    }

    private static String instantProblem(JsonNode result) {
        if (result.isEmpty()) {
            return "no series";
        }
        for (JsonNode sample : result) {
            if (isNaN(sample.path("value").get(1))) {
                return "NaN for " + sample.path("metric");
            }
        }
        return null;
    }

    private static String rangeProblem(JsonNode result) {
        if (result.isEmpty()) {
            return "no series in the last " + RANGE.toMinutes() + " minutes";
        }
        for (JsonNode series : result) {
            boolean anyNumber = false;
            for (JsonNode point : series.path("values")) {
                anyNumber |= !isNaN(point.get(1));
            }
            if (!anyNumber) {
                return "only NaN for " + series.path("metric");
            }
        }
        return null;
    }

    private static boolean isNaN(JsonNode value) {
        return value == null || "NaN".equals(value.asText());
    }
}

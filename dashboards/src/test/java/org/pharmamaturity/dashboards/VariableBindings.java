package org.pharmamaturity.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ways a dashboard's template variables can be set from what Prometheus holds, as Grafana offers them: each
 * variable's {@code label_values(selector, label)} run with the variables before it already set. Grafana's own
 * interval variables get the values Grafana gives them for a 2 s scrape interval and a 5 min time range.
 */
final class VariableBindings {

    /** $__rate_interval is at least four scrape intervals; 1m covers that with room. */
    static final Map<String, String> BUILT_INS = Map.of("__rate_interval", "1m", "__range", "5m", "__interval", "15s");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
    private static final int MAX_BINDINGS = 100;

    private VariableBindings() {
    }

    /** Every binding of {@code dashboard}'s variables to real label values (at most 100), in label-value order. */
    static List<Map<String, String>> of(Dashboard dashboard, PrometheusServer prometheus) {
        List<Map<String, String>> bindings = new ArrayList<>();
        expand(dashboard, dashboard.variables(), 0, new LinkedHashMap<>(BUILT_INS), prometheus, bindings);
        return bindings;
    }

    private static void expand(Dashboard dashboard, List<JsonNode> variables, int index, Map<String, String> bound,
                               PrometheusServer prometheus, List<Map<String, String>> bindings) {
        if (bindings.size() >= MAX_BINDINGS) {
            return;
        }
        if (index == variables.size()) {
            bindings.add(Map.copyOf(bound));
            return;
        }
        JsonNode variable = variables.get(index);
        String name = variable.path("name").asText();
        String query = variable.path("query").path("query").asText();
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (!labelValues.matches()) {
            throw new IllegalArgumentException(dashboard + ": variable " + name + " is not label_values(...): " + query);
        }
        String selector = new PanelQuery(dashboard.title(), "variable " + name, name, labelValues.group(1), true)
                .bind(bound);
        for (String value : prometheus.labelValues(labelValues.group(2), selector)) {
            bound.put(name, value);
            expand(dashboard, variables, index + 1, bound, prometheus, bindings);
        }
        bound.remove(name);
    }
}

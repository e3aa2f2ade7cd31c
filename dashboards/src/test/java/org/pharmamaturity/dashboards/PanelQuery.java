package org.pharmamaturity.dashboards;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One query of one panel: the PromQL text with Grafana's variables in it, and whether Grafana runs it as an instant
 * query (a stat, gauge or table showing the latest value) or over the time range.
 */
record PanelQuery(String dashboard, String panel, String refId, String expr, boolean instant) {

    // $name, ${name} and ${name:format}; Grafana's own variables start with two underscores.
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");

    /**
     * The query as Grafana sends it to Prometheus once the variables have {@code values}; a variable the map lacks
     * is an error, so a query cannot reach Prometheus with a stray {@code $}. {@code $1}-style regex group
     * references (label_replace) are left alone.
     */
    String bind(Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(expr);
        StringBuilder bound = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value;
            if (name.chars().allMatch(Character::isDigit)) {
                value = matcher.group();
            } else if (values.containsKey(name)) {
                value = values.get(name);
            } else {
                throw new IllegalArgumentException(this + " uses $" + name + ", which has no value");
            }
            matcher.appendReplacement(bound, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(bound);
        return bound.toString();
    }

    @Override
    public String toString() {
        return dashboard + " / " + panel + " / " + refId;
    }
}

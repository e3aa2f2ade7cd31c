package org.pharmamaturity.producers.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An MQTT topic pattern of a mapping rule: levels separated by {@code /}, where {@code {name}} matches one level
 * and keeps it as the field {@code name}, {@code +} matches one level, {@code #} (last) matches the rest and any
 * other level matches itself. {@code {enterpriseId}/{siteId}/+/+/{equipmentId}/state} subscribes to
 * {@code +/+/+/+/+/state}.
 */
public final class TopicPattern {

    private final String text;
    private final List<String> levels;

    private TopicPattern(String text, List<String> levels) {
        this.text = text;
        this.levels = levels;
    }

    /** Parses {@code text}; {@link MappingException} names what is wrong with it. */
    public static TopicPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MappingException("a topic pattern is empty; write levels such as {enterpriseId}/{siteId}/+/+/{equipmentId}/state");
        }
        List<String> levels = List.of(text.split("/", -1));
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.equals("#") && i != levels.size() - 1) {
                throw new MappingException("topic pattern '" + text + "': # may only be the last level");
            }
            boolean capture = level.startsWith("{") && level.endsWith("}") && level.length() > 2;
            if (!capture && (level.contains("{") || level.contains("}")
                    || (level.length() > 1 && (level.contains("+") || level.contains("#"))))) {
                throw new MappingException("topic pattern '" + text + "': level '" + level
                        + "' mixes a wildcard or {name} with text; a level is {name}, +, #, or plain text");
            }
        }
        return new TopicPattern(text, levels);
    }

    /** The MQTT subscription filter: every {@code {name}} level becomes {@code +}. */
    public String filter() {
        return String.join("/", levels.stream().map(level -> isCapture(level) ? "+" : level).toList());
    }

    /** The names the pattern's {@code {name}} levels capture. */
    public List<String> captureNames() {
        return levels.stream().filter(TopicPattern::isCapture).map(level -> level.substring(1, level.length() - 1)).toList();
    }

    /** The levels {@code topic} gives the captured names, or empty when the topic does not match. */
    public Optional<Map<String, String>> match(String topic) {
        String[] actual = topic.split("/", -1);
        Map<String, String> captured = new LinkedHashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.equals("#")) {
                return Optional.of(captured);
            }
            if (i >= actual.length) {
                return Optional.empty();
            }
            if (isCapture(level)) {
                captured.put(level.substring(1, level.length() - 1), actual[i]);
            } else if (!level.equals("+") && !level.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return actual.length == levels.size() ? Optional.of(captured) : Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean isCapture(String level) {
        return level.startsWith("{") && level.endsWith("}");
    }
}

package org.pharmamaturity.evaluation.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object and records every problem (with its JSON path) instead of stopping at
 * the first, so that a bad document is reported in full. Accessors return {@code null} when the field is
 * missing or malformed; callers build their records only when {@link #problems()} stayed empty.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    private JsonFields(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Starts reading a document; {@code what} names it in messages when the root is not an object. */
    public static JsonFields root(JsonNode node, String what) {
        List<String> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problems.add(what + ": expected a JSON object");
        }
        return new JsonFields(node, "", problems);
    }

    /** Every problem found so far, in document order. */
    public List<String> problems() {
        return problems;
    }

    /** Records a problem about this object (for checks that need several fields). */
    public void problem(String message) {
        problems.add((path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Records a problem about one field of this object, e.g. a value that does not parse. */
    public void problem(String field, String message) {
        problemAt(field, message);
    }

    /** A required non-blank string. */
    public String text(String name) {
        JsonNode value = field(name, true);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problemAt(name, "expected a non-blank string, got " + TextBounds.shown(value));
            return null;
        }
        return value.asText();
    }

    /** An optional string; {@code null} when absent. */
    public String optionalText(String name) {
        JsonNode value = field(name, false);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problemAt(name, "expected a string, got " + TextBounds.shown(value));
            return null;
        }
        return value.asText();
    }

    /** A required finite number. */
    public Double number(String name) {
        JsonNode value = field(name, true);
        return value == null ? null : asNumber(name, value);
    }

    /** An optional finite number; {@code null} when absent. */
    public Double optionalNumber(String name) {
        JsonNode value = field(name, false);
        return value == null ? null : asNumber(name, value);
    }

    /** A required integer. */
    public Integer integer(String name) {
        JsonNode value = field(name, true);
        return value == null ? null : asInteger(name, value);
    }

    /** An optional integer; {@code fallback} when absent. */
    public Integer optionalInteger(String name, int fallback) {
        JsonNode value = field(name, false);
        return value == null ? Integer.valueOf(fallback) : asInteger(name, value);
    }

    /** An optional boolean; {@code fallback} when absent. */
    public boolean optionalBoolean(String name, boolean fallback) {
        JsonNode value = field(name, false);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problemAt(name, "expected true or false, got " + value);
            return fallback;
        }
        return value.booleanValue();
    }

    /** A required value among {@code choices}, written in JSON as {@code jsonName} gives. */
    public <E extends Enum<E>> E choice(String name, E[] choices, Function<E, String> jsonName) {
        return asChoice(name, field(name, true), choices, jsonName);
    }

    /** An optional value among {@code choices}; {@code null} when absent. */
    public <E extends Enum<E>> E optionalChoice(String name, E[] choices, Function<E, String> jsonName) {
        return asChoice(name, field(name, false), choices, jsonName);
    }

    /** A required array of objects. */
    public List<JsonFields> objects(String name) {
        List<JsonFields> items = optionalObjects(name);
        if (items == null) {
            problemAt(name, "missing");
            return List.of();
        }
        return items;
    }

    /** An optional array of objects; {@code null} when absent. */
    public List<JsonFields> optionalObjects(String name) {
        JsonNode value = field(name, false);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problemAt(name, "expected an array, got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            return List.of();
        }
        List<JsonFields> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = childPath(name) + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(itemPath + ": expected an object, got " + TextBounds.shown(item));
            } else {
                items.add(new JsonFields(item, itemPath, problems));
            }
        }
        return items;
    }

    /** A required array of non-blank strings. */
    public List<String> texts(String name) {
        JsonNode value = field(name, true);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problemAt(name, "expected an array of strings, got " + TextBounds.shown(value));
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                problemAt(name, "expected an array of non-blank strings, got " + TextBounds.shown(value));
                return null;
            }
            items.add(item.asText());
        }
        return items;
    }

    /** A required array of numbers. */
    public List<Double> numbers(String name) {
        JsonNode value = field(name, true);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problemAt(name, "expected an array of numbers, got " + TextBounds.shown(value));
            return null;
        }
        List<Double> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isNumber()) {
                problemAt(name, "expected an array of numbers, got " + TextBounds.shown(value));
                return null;
            }
            items.add(item.doubleValue());
        }
        return items;
    }

    /** A required object. */
    public JsonFields object(String name) {
        JsonNode value = field(name, true);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problemAt(name, "expected an object, got " + TextBounds.shown(value));
            return null;
        }
        return new JsonFields(value, childPath(name), problems);
    }

    /** The member names of this object, in document order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(entry -> names.add(entry.getKey()));
        }
        return names;
    }

    /** The members of a required object whose values are objects, keyed by member name, in document order. */
    public Map<String, JsonFields> objectMembers(String name) {
        JsonFields object = object(name);
        Map<String, JsonFields> members = new LinkedHashMap<>();
        if (object == null) {
            return members;
        }
        object.node.properties().forEach(entry -> {
            String memberPath = object.path + "." + entry.getKey();
            if (!entry.getValue().isObject()) {
                problems.add(memberPath + ": expected an object, got " + TextBounds.shown(entry.getValue()));
            } else {
                members.put(entry.getKey(), new JsonFields(entry.getValue(), memberPath, problems));
            }
        });
        return members;
    }

    /** The members of a required object whose values are numbers, keyed by member name, in document order. */
    public Map<String, Double> numberMembers(String name) {
        JsonFields object = object(name);
        Map<String, Double> members = new LinkedHashMap<>();
        if (object == null) {
            return members;
        }
        object.node.properties().forEach(entry -> {
            Double number = object.asNumber(entry.getKey(), entry.getValue());
            if (number != null) {
                members.put(entry.getKey(), number);
            }
        });
        return members;
    }

    private JsonNode field(String name, boolean required) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problemAt(name, "missing");
            }
            return null;
        }
        return value;
    }

    private Double asNumber(String name, JsonNode value) {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            problemAt(name, "expected a number, got " + TextBounds.shown(value));
            return null;
        }
        return value.doubleValue();
    }

    private Integer asInteger(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problemAt(name, "expected an integer, got " + TextBounds.shown(value));
            return null;
        }
        return value.intValue();
    }

    private <E extends Enum<E>> E asChoice(String name, JsonNode value, E[] choices, Function<E, String> jsonName) {
        if (value == null) {
            return null;
        }
        for (E choice : choices) {
            if (value.isTextual() && jsonName.apply(choice).equals(value.asText())) {
                return choice;
            }
        }
        String allowed = Arrays.stream(choices).map(jsonName).collect(Collectors.joining(", "));
        problemAt(name, TextBounds.shown(value) + " is not one of " + allowed);
        return null;
    }

    private void problemAt(String name, String message) {
        problems.add(childPath(name) + ": " + message);
    }

    private String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

package org.pharmamaturity.producers.gateway;

import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a record field's text comes from in a mapping rule: {@code $.a.b} is a path into the JSON payload,
 * {@code {name}} a topic level the pattern captured, anything else a constant (such as a unit, {@code Cel}).
 */
public sealed interface FieldSource {

    /** The field's text for this message, or null when the message does not have it. */
    String resolve(JsonNode payload, Map<String, String> captured);

    /** Parses one field source of a rule; {@code where} names the rule in errors. */
    static FieldSource parse(String spec, String where) {
        if (spec == null) {
            throw new MappingException(where + ": a field has no source; write $.path, {topicLevel} or a constant");
        }
        if (spec.startsWith("$")) {
            if (!spec.equals("$") && !spec.startsWith("$.")) {
                throw new MappingException(where + ": '" + spec + "' is not a JSON path; write $.member or $.outer.inner");
            }
            String path = spec.length() <= 2 ? "" : "/" + spec.substring(2).replace(".", "/");
            return new PayloadPath(spec, JsonPointer.compile(path));
        }
        if (spec.startsWith("{") && spec.endsWith("}")) {
            return new TopicLevel(spec.substring(1, spec.length() - 1));
        }
        return new Constant(spec);
    }

    /** A member of the JSON payload; numbers and booleans are read as their text. */
    record PayloadPath(String spec, JsonPointer pointer) implements FieldSource {
        @Override
        public String resolve(JsonNode payload, Map<String, String> captured) {
            JsonNode node = payload.at(pointer);
            return node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.asText();
        }
    }

    /** A level of the topic captured by {@code {name}} in the rule's pattern. */
    record TopicLevel(String name) implements FieldSource {
        @Override
        public String resolve(JsonNode payload, Map<String, String> captured) {
            return captured.get(name);
        }
    }

    /** The same text for every message. */
    record Constant(String value) implements FieldSource {
        @Override
        public String resolve(JsonNode payload, Map<String, String> captured) {
            return value;
        }
    }
}

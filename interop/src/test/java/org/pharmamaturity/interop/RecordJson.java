package org.pharmamaturity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON form of Avro records that the external clients' scripts read and print: timestamps as epoch
 * milliseconds, enums as their symbol, nullable unions as the bare value or null. Compares records with that
 * JSON field by field.
 */
final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordJson() {
    }

    /** A JSON array of {@code {"key": .., "value": ..}} for the writer scripts. */
    static String keyedArray(List<String> keys, List<? extends SpecificRecord> values) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < values.size(); i++) {
            ObjectNode entry = array.addObject();
            entry.put("key", keys.get(i));
            entry.set("value", toJson(values.get(i)));
        }
        return array.toString();
    }

    /** Parses one line printed by a reader script. */
    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Reader script printed a line that is not JSON: " + line, e);
        }
    }

    /** Asserts every field of {@code expected} against the JSON a reader script printed for it. */
    static void assertMatches(JsonNode actual, SpecificRecord expected) {
        assertMatches(actual, expected, expected.getSchema().getName());
    }

    private static void assertMatches(JsonNode actual, SpecificRecord expected, String path) {
        assertThat(actual.isObject()).as(path + " is a JSON object in " + actual).isTrue();
        assertThat(fieldNames(actual)).as(path + " field names")
                .containsExactlyInAnyOrderElementsOf(expected.getSchema().getFields().stream().map(Schema.Field::name).toList());
        for (Schema.Field field : expected.getSchema().getFields()) {
            assertValueMatches(actual.get(field.name()), expected.get(field.pos()), path + "." + field.name());
        }
    }

    private static void assertValueMatches(JsonNode actual, Object expected, String path) {
        switch (expected) {
            case null -> assertThat(actual.isNull()).as(path + " is null, got " + actual).isTrue();
            case SpecificRecord nested -> assertMatches(actual, nested, path);
            case List<?> list -> {
                assertThat(actual.size()).as(path + " size").isEqualTo(list.size());
                for (int i = 0; i < list.size(); i++) {
                    assertValueMatches(actual.get(i), list.get(i), path + "[" + i + "]");
                }
            }
            case Instant instant -> assertThat(actual.asLong()).as(path + " (epoch ms of " + instant + ")")
                    .isEqualTo(instant.toEpochMilli());
            case Double number -> assertThat(actual.asDouble()).as(path).isEqualTo(number);
            case Long number -> assertThat(actual.asLong()).as(path).isEqualTo(number);
            case Integer number -> assertThat(actual.asInt()).as(path).isEqualTo(number);
            case Boolean bool -> assertThat(actual.asBoolean()).as(path).isEqualTo(bool);
            default -> assertThat(actual.asText()).as(path).isEqualTo(expected.toString());
        }
    }

    private static JsonNode toJson(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case SpecificRecord record -> {
                ObjectNode object = NODES.objectNode();
                record.getSchema().getFields().forEach(f -> object.set(f.name(), toJson(record.get(f.pos()))));
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(item -> array.add(toJson(item)));
                yield array;
            }
            case Instant instant -> NODES.numberNode(instant.toEpochMilli());
            case Double number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Integer number -> NODES.numberNode(number);
            case Boolean bool -> NODES.booleanNode(bool);
            default -> NODES.textNode(value.toString());
        };
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package org.pharmamaturity.streams.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import org.pharmamaturity.evaluation.json.Json;

/**
 * The JSON form of the Avro records the API serves: field names exactly as in the schemas, timestamps as ISO-8601
 * instants, dates as ISO-8601 days, enums by name, map keys sorted so answers are stable.
 */
final class AvroJson {

    private static final JsonNodeFactory NODES = Json.mapper().getNodeFactory();

    private AvroJson() {
    }

    /** The record as a JSON object. */
    static ObjectNode of(IndexedRecord record) {
        ObjectNode object = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            object.set(field.name(), value(record.get(field.pos())));
        }
        return object;
    }

    private static JsonNode value(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case IndexedRecord record -> of(record);
            case Map<?, ?> map -> {
                // Avro map keys may be Utf8; sorted by their text so answers are stable.
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((key, item) -> sorted.put(key.toString(), item));
                ObjectNode object = NODES.objectNode();
                sorted.forEach((key, item) -> object.set(key, value(item)));
                yield object;
            }
            case Collection<?> items -> {
                ArrayNode array = NODES.arrayNode();
                items.forEach(item -> array.add(value(item)));
                yield array;
            }
            case Double number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Boolean flag -> NODES.booleanNode(flag);
            case Enum<?> symbol -> NODES.textNode(symbol.name());
            case GenericEnumSymbol<?> symbol -> NODES.textNode(symbol.toString());
            case Instant instant -> NODES.textNode(instant.toString());
            case LocalDate day -> NODES.textNode(day.toString());
            default -> NODES.textNode(value.toString());
        };
    }
}

package org.pharmamaturity.evaluation.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * A kind of JSON document this module reads (model, assessment, tier conditions, scenario catalogue): the JSON Schema
 * that defines and documents its format (a resource under {@code /json-schema/}) and the record it binds to.
 * {@link #problems} checks a document against the schema and words every problem as {@code json.path: what is wrong},
 * in the order of the schema's properties; {@link #bind} turns a document without problems into its record.
 *
 * <p>The schemas share three definitions whose messages are worded for the list they belong to: {@code text} (a
 * non-blank string), {@code texts} (an array of them) and {@code numbers} (an array of numbers). A member whose value
 * is JSON {@code null} counts as absent; members the schema does not name are ignored.
 */
public final class JsonDocument<T> {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String what;
    private final JsonNode schemaTree;
    private final Schema schema;
    private final ObjectReader reader;

    private JsonDocument(String what, String schemaText, Class<T> type) {
        this.what = what;
        this.schemaTree = Json.tree(schemaText, problem -> new IllegalStateException("schema of " + what + ": " + problem));
        this.schema = SCHEMAS.getSchema(schemaText, InputFormat.JSON);
        this.reader = Json.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The document kind {@code what} (as messages name it), defined by the built-in schema {@code schemaResource}. */
    public static <T> JsonDocument<T> of(String what, String schemaResource, Class<T> type) {
        return new JsonDocument<>(what, ResourceText.read(schemaResource).orElseThrow(() -> new IllegalStateException(
                "the JSON schema " + schemaResource + " is missing from the classpath; rebuild the evaluation module")),
                type);
    }

    /** Every way {@code document} departs from the schema, one sentence each, in schema order; empty when none. */
    public List<String> problems(JsonNode document) {
        return problems(document, List.of());
    }

    /**
     * The schema's problems with {@code document} and the caller's own ({@code more}: checks a schema cannot state,
     * such as dates or known indicators), merged in schema order.
     */
    public List<String> problems(JsonNode document, List<Problem> more) {
        JsonNode present = withoutNulls(document);
        List<Problem> all = new ArrayList<>();
        for (Error error : schema.validate(present.toString(), InputFormat.JSON)) {
            all.add(locate(error, present));
        }
        all.addAll(more);
        LinkedHashSet<String> problems = new LinkedHashSet<>();
        all.stream().sorted(Comparator.comparing(problem -> order(problem.at(), present), JsonDocument::compareOrders))
                .forEach(problem -> problems.add(problem.text()));
        return List.copyOf(problems);
    }

    /**
     * One problem of a document: where it is (for ordering; the members and indexes from the root) and its sentence,
     * which names the place itself ({@code values.oee: coverage 1.5 is outside [0, 1]}).
     */
    public record Problem(List<Object> at, String text) {

        /** A problem worded {@code <path of at>: message}. */
        public static Problem at(List<Object> at, String message) {
            return new Problem(at, path(at) + ": " + message);
        }
    }

    /**
     * {@code document} with every value the schema rejects removed (for callers that report what they could read
     * beside the problems); a document that is not an object becomes an empty object.
     */
    public JsonNode readable(JsonNode document) {
        JsonNode present = withoutNulls(document);
        if (!present.isObject()) {
            return Json.mapper().createObjectNode();
        }
        List<List<Object>> rejected = new ArrayList<>();
        for (Error error : schema.validate(present.toString(), InputFormat.JSON)) {
            if (!"required".equals(error.getKeyword())) {
                rejected.add(reported(segments(error)));
            }
        }
        // Last first, so that removing an array item does not shift the index of another one still to remove.
        rejected.stream().distinct()
                .sorted(Comparator.comparing((List<Object> at) -> order(at, present), JsonDocument::compareOrders)
                        .reversed())
                .forEach(at -> remove(present, at));
        return present;
    }

    /**
     * The record of a document that has no {@link #problems}: optional members take the schema's defaults. A
     * record's own check (its constructor) throws what it throws, e.g. a {@link ProblemsException}.
     */
    public T bind(JsonNode document) {
        JsonNode present = withoutNulls(document);
        applyDefaults(present, schemaTree);
        try {
            return reader.readValue(present);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof RuntimeException check) {
                throw check;
            }
            throw new IllegalStateException("cannot bind a " + what + " that matches its schema", e);
        } catch (IOException e) {
            // The schema admitted what the record cannot take: the two disagree, a programming error.
            throw new IllegalStateException("cannot bind a " + what + " that matches its schema: " + e.getMessage(), e);
        }
    }

    private Problem locate(Error error, JsonNode document) {
        List<Object> at = reported(segments(error));
        String message;
        if (listOfScalars(at) != null && !at.equals(segments(error))) {
            message = listMessage(listOfScalars(at), document.at(pointer(at)), true);
        } else {
            JsonNode raw = rawSchemaAt(at);
            JsonNode local = resolve(raw);
            JsonNode value = document.at(pointer(at));
            message = switch (error.getKeyword()) {
                case "required" -> {
                    at = append(at, error.getProperty());
                    yield "missing";
                }
                case "additionalProperties" -> {
                    at = append(at, error.getProperty());
                    yield "not one of " + String.join(", ", names(local.path("properties")));
                }
                case "enum" -> TextBounds.shown(value) + " is not one of " + String.join(", ", texts(local.path("enum")));
                case "pattern" -> "expected a non-blank string, got " + TextBounds.shown(value);
                case "type" -> typeMessage(raw, local, at, value);
                default -> error.getMessage();
            };
        }
        return at.isEmpty() ? new Problem(at, message) : Problem.at(at, message);
    }

    /** Where a problem is reported: an item of a list of texts or numbers is reported as its list. */
    private List<Object> reported(List<Object> at) {
        for (int i = at.size() - 1; i >= 0; i--) {
            if (at.get(i) instanceof Integer && listOfScalars(at.subList(0, i)) != null) {
                return List.copyOf(at.subList(0, i));
            }
        }
        return at;
    }

    /** "texts" or "numbers" when the schema at {@code at} is one of those shared lists, else null. */
    private String listOfScalars(List<Object> at) {
        String definition = definitionName(rawSchemaAt(at));
        return "texts".equals(definition) || "numbers".equals(definition) ? definition : null;
    }

    private String typeMessage(JsonNode raw, JsonNode local, List<Object> at, JsonNode value) {
        String definition = definitionName(raw);
        if ("text".equals(definition)) {
            return "expected a non-blank string, got " + TextBounds.shown(value);
        }
        if ("texts".equals(definition) || "numbers".equals(definition)) {
            return listMessage(definition, value, false);
        }
        return switch (local.path("type").asText()) {
            case "string" -> "expected a string, got " + TextBounds.shown(value);
            case "number" -> "expected a number, got " + TextBounds.shown(value);
            case "integer" -> "expected an integer, got " + TextBounds.shown(value);
            case "boolean" -> "expected true or false, got " + value;
            case "array" -> "expected an array, got " + value.getNodeType().name().toLowerCase(Locale.ROOT);
            case "object" -> at.isEmpty() ? what + ": expected a JSON object"
                    : "expected an object, got " + TextBounds.shown(value);
            default -> "expected " + local.path("type") + ", got " + TextBounds.shown(value);
        };
    }

    private static String listMessage(String definition, JsonNode value, boolean badItem) {
        String expected = "numbers".equals(definition) ? "an array of numbers"
                : badItem ? "an array of non-blank strings" : "an array of strings";
        return "expected " + expected + ", got " + TextBounds.shown(value);
    }

    /** The schema (before following {@code $ref}) that governs the value at {@code at}; missing when none does. */
    private JsonNode rawSchemaAt(List<Object> at) {
        JsonNode current = schemaTree;
        for (Object segment : at) {
            JsonNode local = resolve(current);
            current = segment instanceof Integer ? local.path("items") : member(local, (String) segment);
        }
        return current;
    }

    private static JsonNode member(JsonNode objectSchema, String name) {
        JsonNode declared = objectSchema.path("properties").path(name);
        return declared.isMissingNode() && objectSchema.path("additionalProperties").isObject()
                ? objectSchema.path("additionalProperties") : declared;
    }

    /**
     * Each segment's rank: an array index, or a member's place among its object's properties in the schema; members
     * the schema does not name follow those it names, in document order.
     */
    private List<Integer> order(List<Object> at, JsonNode document) {
        List<Integer> order = new ArrayList<>();
        JsonNode current = schemaTree;
        JsonNode value = document;
        for (Object segment : at) {
            JsonNode local = resolve(current);
            if (segment instanceof Integer index) {
                order.add(index);
                current = local.path("items");
            } else {
                List<String> declared = names(local.path("properties"));
                int place = declared.contains((String) segment) ? declared.indexOf((String) segment)
                        : declared.size() + Math.max(0, names(value).indexOf((String) segment));
                order.add(place);
                current = member(local, (String) segment);
            }
            value = segment instanceof Integer index ? value.path(index) : value.path((String) segment);
        }
        return order;
    }

    private JsonNode resolve(JsonNode schemaNode) {
        JsonNode current = schemaNode;
        while (current.has("$ref")) {
            current = schemaTree.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String definitionName(JsonNode raw) {
        String ref = raw.path("$ref").asText("");
        return ref.startsWith("#/$defs/") ? ref.substring("#/$defs/".length()) : null;
    }

    /** Members the document leaves out take the schema's {@code default}. */
    private void applyDefaults(JsonNode value, JsonNode rawSchema) {
        JsonNode local = resolve(rawSchema);
        if (value instanceof ObjectNode object) {
            local.path("properties").properties().forEach(property -> {
                JsonNode fallback = resolve(property.getValue()).get("default");
                if (!object.has(property.getKey()) && fallback != null) {
                    object.set(property.getKey(), fallback.deepCopy());
                } else if (object.has(property.getKey())) {
                    applyDefaults(object.get(property.getKey()), property.getValue());
                }
            });
        } else if (value instanceof ArrayNode array && local.has("items")) {
            array.forEach(item -> applyDefaults(item, local.get("items")));
        }
    }

    private static JsonNode withoutNulls(JsonNode document) {
        JsonNode copy = document == null ? Json.mapper().nullNode() : document.deepCopy();
        stripNulls(copy);
        return copy;
    }

    private static void stripNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(member -> member.getValue().isNull());
        }
        node.forEach(JsonDocument::stripNulls);
    }

    private static void remove(JsonNode document, List<Object> at) {
        if (at.isEmpty()) {
            return;
        }
        JsonNode parent = document.at(pointer(at.subList(0, at.size() - 1)));
        Object last = at.getLast();
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.remove(name);
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            array.remove(index.intValue());
        }
    }

    private static List<Object> segments(Error error) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < error.getInstanceLocation().getNameCount(); i++) {
            segments.add(error.getInstanceLocation().getElement(i));
        }
        return segments;
    }

    private static List<Object> append(List<Object> at, String name) {
        List<Object> longer = new ArrayList<>(at);
        longer.add(name);
        return longer;
    }

    /** {@code a.b[0].c}, the form every message of the project uses. */
    public static String path(List<Object> at) {
        StringBuilder path = new StringBuilder();
        for (Object segment : at) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }

    private static String pointer(List<Object> at) {
        StringBuilder pointer = new StringBuilder();
        at.forEach(segment -> pointer.append('/')
                .append(String.valueOf(segment).replace("~", "~0").replace("/", "~1")));
        return pointer.toString();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(member -> names.add(member.getKey()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static int compareOrders(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byPlace = Integer.compare(a.get(i), b.get(i));
            if (byPlace != 0) {
                return byPlace;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}

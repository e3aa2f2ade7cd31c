package org.pharmamaturity.evaluation.json;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a member holding an ISO-8601 instant or date written as text, a check JSON Schema leaves to the reader.
 * A member that does not parse is reported and removed, so the document binds with the member absent.
 */
public final class IsoText {

    private IsoText() {
    }

    /**
     * The problem with member {@code at.getLast()} of {@code object}, if it is present and {@code parser} rejects it;
     * {@code expected} names the form, e.g. "an ISO date such as 2024-03-01".
     */
    public static Optional<JsonDocument.Problem> check(JsonNode object, List<Object> at, Function<String, ?> parser,
            String expected) {
        String name = (String) at.getLast();
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            parser.apply(value.asText());
            return Optional.empty();
        } catch (DateTimeParseException e) {
            ((ObjectNode) object).remove(name);
            return Optional.of(JsonDocument.Problem.at(at,
                    "'" + TextBounds.shown(value.asText()) + "' is not " + expected));
        }
    }
}

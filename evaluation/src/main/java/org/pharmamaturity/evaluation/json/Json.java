package org.pharmamaturity.evaluation.json;

import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration of the evaluation module: ISO-8601 instants, absent values left out. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .build();

    private Json() {
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The tree of an input document; text that is not JSON throws what {@code invalid} makes of the problem
     * ("not valid JSON: ...").
     */
    public static JsonNode tree(String json, Function<String, ? extends RuntimeException> invalid) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid.apply("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Pretty-printed JSON of any record of this module (model, maturity result, sector statistics). */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only records of this module are written; failing here is a programming error, not bad input.
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}

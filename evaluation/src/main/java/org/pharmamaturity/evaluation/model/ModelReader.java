package org.pharmamaturity.evaluation.model;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.JsonDocument;

/**
 * Reads a model file (DESIGN.md section 5 "model", defined by the JSON Schema {@value #SCHEMA}) into a validated
 * {@link MaturityModel}. Unknown extra fields are ignored (the contract welcomes them); every departure from the
 * schema, and every failed semantic check, is reported in one {@link ModelException}.
 */
public final class ModelReader {

    /** The JSON Schema of model files, a resource of this module. */
    public static final String SCHEMA = "/json-schema/model.schema.json";

    private static final JsonDocument<MaturityModel> DOCUMENT = JsonDocument.of("model", SCHEMA, MaturityModel.class);

    private ModelReader() {
    }

    /** Reads and validates {@code json}; {@code source} names the file or resource in messages. */
    public static MaturityModel read(String json, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelException(source, "not valid JSON: " + e.getOriginalMessage()
                    + locationOf(e), e);
        }
        List<String> problems = DOCUMENT.problems(root);
        if (!problems.isEmpty()) {
            throw new ModelException(source, problems);
        }
        try {
            return DOCUMENT.bind(root);
        } catch (ModelException e) {
            throw e.from(source);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}

package org.pharmamaturity.evaluation.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a weight comes from: the official tables, or a placeholder until they are available. */
public enum WeightSource {
    OFFICIAL("official"),
    PLACEHOLDER("placeholder");

    private final String json;

    WeightSource(String json) {
        this.json = json;
    }

    /** The spelling in model files. */
    @JsonValue
    public String json() {
        return json;
    }
}

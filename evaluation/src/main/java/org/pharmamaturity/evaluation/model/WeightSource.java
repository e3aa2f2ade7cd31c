package org.pharmamaturity.evaluation.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a weight comes from: the official tables, a public third-party summary of them (figures that move between
 * drafts, so they are data with their source), or a placeholder until they are available.
 */
public enum WeightSource {
    OFFICIAL("official"),
    PUBLIC_SUMMARY("public-summary"),
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

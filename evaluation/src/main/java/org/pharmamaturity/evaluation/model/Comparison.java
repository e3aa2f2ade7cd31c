package org.pharmamaturity.evaluation.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The comparator of an evidence rule: {@code value <comparator> threshold}. */
public enum Comparison {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol used in model files and contradiction reports. */
    @JsonValue
    public String symbol() {
        return symbol;
    }

    /** Whether {@code value <symbol> threshold} holds. */
    public boolean holds(double value, double threshold) {
        return switch (this) {
            case LESS -> value < threshold;
            case LESS_OR_EQUAL -> value <= threshold;
            case GREATER -> value > threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
        };
    }
}

package org.pharmamaturity.schemas.registry;

/** A subject's compatibility rule, as the Confluent Schema Registry API names it. */
public enum CompatibilityLevel {
    /** No check. */
    NONE,
    /** The new schema can read data written with the latest one. */
    BACKWARD,
    /** The new schema can read data written with every earlier one. */
    BACKWARD_TRANSITIVE,
    /** The latest schema can read data written with the new one. */
    FORWARD,
    /** Every earlier schema can read data written with the new one. */
    FORWARD_TRANSITIVE,
    /** BACKWARD and FORWARD against the latest schema. */
    FULL,
    /** BACKWARD and FORWARD against every earlier schema. */
    FULL_TRANSITIVE;

    /** Whether the new schema must be able to read older data. */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether older schemas must be able to read data written with the new one. */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether the check runs against every earlier version rather than only the latest. */
    public boolean transitive() {
        return name().endsWith("_TRANSITIVE");
    }
}

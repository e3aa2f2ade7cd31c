package org.pharmamaturity.evaluation.model;

/** Which enterprises a requirement applies to (GB/T 39117 lets the scope differ by manufacturing type). */
public enum Applicability {
    ALL,
    PROCESS,
    DISCRETE;

    /** True when an enterprise of this type has to answer a requirement of this applicability. */
    public boolean appliesTo(ManufacturingType type) {
        return switch (this) {
            case ALL -> true;
            case PROCESS -> type != ManufacturingType.DISCRETE;
            case DISCRETE -> type != ManufacturingType.PROCESS;
        };
    }
}

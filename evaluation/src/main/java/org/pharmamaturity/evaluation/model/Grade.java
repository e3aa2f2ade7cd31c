package org.pharmamaturity.evaluation.model;

/**
 * How far a requirement is met (GB/T 39117 满足程度). The numeric value of each scored grade comes from the
 * model's {@link Parameters}; {@link #NOT_APPLICABLE} takes no part in any score.
 */
public enum Grade {
    FULL,
    LARGELY,
    PARTLY,
    NONE,
    NOT_APPLICABLE;

    /** The grades that carry a value, from highest to lowest. */
    public static final Grade[] SCORED = {FULL, LARGELY, PARTLY, NONE};

    /** True for every grade but {@link #NOT_APPLICABLE}. */
    public boolean scored() {
        return this != NOT_APPLICABLE;
    }
}

package org.pharmamaturity.evaluation.model;

/** Which way an indicator improves: OEE is better higher, energy per unit is better lower. */
public enum BetterDirection {
    HIGHER,
    LOWER
}

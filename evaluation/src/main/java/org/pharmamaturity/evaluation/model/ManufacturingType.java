package org.pharmamaturity.evaluation.model;

/** An enterprise's manufacturing type (流程型 / 离散型); MIXED answers both kinds of requirement. */
public enum ManufacturingType {
    PROCESS,
    DISCRETE,
    MIXED
}

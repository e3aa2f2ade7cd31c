package org.pharmamaturity.evaluation.tier;

/**
 * How a tier compares the model's key indicators with the region's sector: better than the median (基础级: above the
 * sector average), or in the best quarter (先进级 and up: leading in the sector).
 */
public enum KeyIndicatorGate {
    ABOVE_MEDIAN,
    TOP_QUARTILE
}

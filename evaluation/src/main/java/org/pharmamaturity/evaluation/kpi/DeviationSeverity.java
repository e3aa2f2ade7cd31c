package org.pharmamaturity.evaluation.kpi;

/** Severity of a GMP deviation (重大 / 主要 / 次要, industry practice). */
public enum DeviationSeverity {
    CRITICAL,
    MAJOR,
    MINOR
}

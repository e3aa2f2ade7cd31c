package org.pharmamaturity.evaluation.evidence;

/**
 * What telemetry said about one requirement. CONFIRMED: a CONFIRM rule applied. CAPPED: a CAP rule applied
 * (even when the declared grade was already at or below the cap). UNVERIFIED: rules cover the requirement but
 * none applied (indicator missing, coverage below minCoverage, or comparison false). NO_RULE: no rule covers it,
 * or the requirement was declared NOT_APPLICABLE.
 */
public enum EvidenceStatus {
    CONFIRMED,
    CAPPED,
    UNVERIFIED,
    NO_RULE
}

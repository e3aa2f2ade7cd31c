package org.pharmamaturity.evaluation.scenario;

/**
 * What the pipeline's data say about a declared scenario. VERIFIED: deployed, and every evidencing indicator with
 * enough coverage holds (at least one has). CONTRADICTED: deployed, and an evidencing indicator with enough coverage
 * fails. UNVERIFIED: deployed, but no evidencing indicator has enough coverage (or the scenario has none).
 * NOT_DEPLOYED: planned or pilot; not judged.
 */
public enum ScenarioEvidenceStatus {
    VERIFIED,
    CONTRADICTED,
    UNVERIFIED,
    NOT_DEPLOYED
}

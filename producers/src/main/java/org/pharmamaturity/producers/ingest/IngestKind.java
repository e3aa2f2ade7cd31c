package org.pharmamaturity.producers.ingest;

/** What a file holds; each kind has its own fields (see {@link RowParsers} and {@link AssessmentCsv}). */
public enum IngestKind {
    /** Self-assessments: a JSON document, or CSV with one row per requirement. */
    assessments,
    /** Equipment tag readings (CSV or JSON lines). */
    telemetry,
    /** Equipment state changes (CSV or JSON lines). */
    states,
    /** Enterprises (reference data). */
    enterprises,
    /** Registered equipment (reference data). */
    equipment,
    /** Typical-scenario declarations: a JSON document (one declaration or an array), or CSV with one row per scenario. */
    scenarios
}

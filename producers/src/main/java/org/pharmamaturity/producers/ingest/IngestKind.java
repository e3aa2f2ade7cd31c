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
    /** Titles awarded to enterprises (reference data, ref.title). */
    titles,
    /** Good and rejected units per equipment since the previous count (CSV or JSON lines). */
    counts,
    /** Batch status changes. */
    batches,
    /** Quality-system records: deviations, OOS, CAPA, complaints. */
    quality,
    /** Energy and utility meter readings. */
    energy,
    /** Cold-chain logger samples, in transport or in storage. */
    coldchain,
    /** Shipment status changes. */
    shipments,
    /** Typical-scenario declarations: a JSON document (one declaration or an array), or CSV with one row per scenario. */
    scenarios
}

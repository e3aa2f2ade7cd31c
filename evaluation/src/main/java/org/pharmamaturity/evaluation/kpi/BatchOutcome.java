package org.pharmamaturity.evaluation.kpi;

/**
 * What the batch KPIs need to know about one batch: whether it was released, whether a deviation was raised
 * against it, and the share of its record steps entered electronically ({@code null} when not reported).
 */
public record BatchOutcome(String batchId, boolean released, boolean deviationRaised, Double electronicRecordShare) {
}

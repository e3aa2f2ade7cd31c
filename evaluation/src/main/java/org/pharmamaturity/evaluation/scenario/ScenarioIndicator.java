package org.pharmamaturity.evaluation.scenario;

import org.pharmamaturity.evaluation.model.Comparison;

/**
 * An indicator that evidences a scenario: with at least {@code minCoverage} it supports the scenario when
 * {@code value comparator threshold} holds and contradicts it otherwise. {@code rationale} says why the threshold.
 */
public record ScenarioIndicator(String indicator, Comparison comparator, double threshold, double minCoverage,
                                String rationale) {
}

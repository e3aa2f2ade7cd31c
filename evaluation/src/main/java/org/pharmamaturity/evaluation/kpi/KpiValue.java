package org.pharmamaturity.evaluation.kpi;

/**
 * One indicator value of a KPI snapshot: the value, the share of the expected data it rests on
 * ({@code coverage} in [0, 1]) and the window it covers (free text such as {@code P30D}).
 */
public record KpiValue(double value, double coverage, String window) {
}

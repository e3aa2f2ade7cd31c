package org.pharmamaturity.evaluation.scoring;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maturity of one enterprise (DESIGN.md section 5 "maturity"): declared and verified views, per-requirement
 * grades with the rule that decided them, contradictions, the KPI values used, evidence coverage, confirmation
 * ratio and tier eligibility. {@code sector} is null when unknown.
 */
public record MaturityResult(
        String enterpriseId,
        String sector,
        Instant asOf,
        String modelVersion,
        String submissionId,
        ViewResult declared,
        ViewResult verified,
        List<RequirementResult> requirements,
        List<Contradiction> contradictions,
        Map<String, Double> kpis,
        double evidenceCoverage,
        double confirmationRatio,
        Tiers tiers) {

    public MaturityResult {
        requirements = List.copyOf(requirements);
        contradictions = List.copyOf(contradictions);
        kpis = Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
    }
}

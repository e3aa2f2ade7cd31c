package org.pharmamaturity.evaluation.scoring;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pharmamaturity.evaluation.scenario.ScenarioCoverage;
import org.pharmamaturity.evaluation.scenario.ScenarioResult;
import org.pharmamaturity.evaluation.tier.TierReadiness;

/**
 * The maturity of one enterprise (DESIGN.md section 5 "maturity"): declared and verified views, per-requirement
 * grades with the rule that decided them, contradictions, the KPI values used, evidence coverage, confirmation
 * ratio, tier eligibility with every unmet condition, and the declared scenarios verified with their coverage of
 * the tier links and AI share. {@code sector} is null when unknown.
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
        Tiers tiers,
        List<TierReadiness> tierReadiness,
        List<ScenarioResult> scenarios,
        ScenarioCoverage scenarioCoverage) {

    public MaturityResult {
        requirements = List.copyOf(requirements);
        tierReadiness = List.copyOf(tierReadiness);
        scenarios = List.copyOf(scenarios);
        contradictions = List.copyOf(contradictions);
        kpis = Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
    }
}

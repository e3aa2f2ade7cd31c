package org.pharmamaturity.evaluation.tier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pharmamaturity.evaluation.json.DataFileException;

/**
 * The versioned conditions of the four tiers (智能工厂梯度培育要素条件), one per tier from basic to leading, and the
 * coverage a key indicator needs to be compared at all. Always valid: the constructor checks every condition.
 */
public record TierConditions(String version, String source, double keyIndicatorMinCoverage,
                             List<TierCondition> tiers) {

    public TierConditions {
        tiers = List.copyOf(tiers);
        List<String> problems = problems(version, keyIndicatorMinCoverage, tiers);
        if (!problems.isEmpty()) {
            throw new DataFileException("tier conditions", "'" + version + "'", problems);
        }
    }

    /** The condition of {@code tier}. */
    public TierCondition of(SmartFactoryTier tier) {
        return tiers.get(tier.ordinal());
    }

    private static List<String> problems(String version, double minCoverage, List<TierCondition> tiers) {
        List<String> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add("version: missing");
        }
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            problems.add("keyIndicatorMinCoverage: " + minCoverage + " is outside [0, 1]");
        }
        List<SmartFactoryTier> order = tiers.stream().map(TierCondition::tier).toList();
        if (!order.equals(Arrays.asList(SmartFactoryTier.values()))) {
            problems.add("tiers: expected basic, advanced, excellent, leading in that order, got " + order);
        }
        for (TierCondition condition : tiers) {
            String where = "tier " + (condition.tier() == null ? "?" : condition.tier().id());
            if (condition.minLevel() < 1 || condition.minLevel() > 5) {
                problems.add(where + ": minLevel " + condition.minLevel() + " is outside 1-5");
            }
            if (condition.minAiShare() != null && !(condition.minAiShare() >= 0 && condition.minAiShare() <= 1)) {
                problems.add(where + ": minAiShare " + condition.minAiShare() + " is outside [0, 1]");
            }
            if (condition.keyIndicators() == null) {
                problems.add(where + ": keyIndicators is missing (ABOVE_MEDIAN or TOP_QUARTILE)");
            }
        }
        return problems;
    }
}

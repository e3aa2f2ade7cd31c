package org.pharmamaturity.evaluation.tier;

import java.util.List;

/**
 * The conditions of one tier that this pipeline can judge: the verified CMMM level, the tier links to be covered by
 * deployed, not contradicted scenarios, the AI scenario share ({@code minAiShare}, null: no condition), and how the
 * key indicators compare with the region's sector. {@code leadership} names a scope the tier asks to lead in beyond
 * the region ("national", "global"; null: none): regional data cannot show it, so it is always reported unmet.
 */
public record TierCondition(SmartFactoryTier tier, int minLevel, List<String> tierLinks, Double minAiShare,
                            KeyIndicatorGate keyIndicators, String leadership) {

    public TierCondition {
        tierLinks = List.copyOf(tierLinks);
    }
}

package org.pharmamaturity.evaluation.scoring;

import java.util.List;

import org.pharmamaturity.evaluation.tier.SmartFactoryTier;
import org.pharmamaturity.evaluation.tier.TierReadiness;

/**
 * Eligibility for the four national smart-factory tiers (基础级 basic, 先进级 advanced, 卓越级 excellent, 领航级
 * leading) on the verified view: true when every condition the pipeline can judge is met (see
 * {@link TierReadiness}). Excellent and leading ask for national and global leadership, which regional data cannot
 * show, so they are never true here.
 */
public record Tiers(boolean basic, boolean advanced, boolean excellent, boolean leading) {

    /** The eligibility flags of a readiness list. */
    public static Tiers of(List<TierReadiness> readiness) {
        return new Tiers(eligible(readiness, SmartFactoryTier.BASIC), eligible(readiness, SmartFactoryTier.ADVANCED),
                eligible(readiness, SmartFactoryTier.EXCELLENT), eligible(readiness, SmartFactoryTier.LEADING));
    }

    private static boolean eligible(List<TierReadiness> readiness, SmartFactoryTier tier) {
        return readiness.stream().anyMatch(r -> r.tier() == tier && r.eligible());
    }
}

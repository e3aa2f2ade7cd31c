package org.pharmamaturity.evaluation.tier;

import java.util.List;

/** Whether an enterprise is eligible for one tier, and every condition it does not meet, spelled out. */
public record TierReadiness(SmartFactoryTier tier, boolean eligible, List<String> unmet) {

    public TierReadiness {
        unmet = List.copyOf(unmet);
    }
}

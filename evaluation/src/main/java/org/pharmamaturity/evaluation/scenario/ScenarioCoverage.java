package org.pharmamaturity.evaluation.scenario;

import java.util.List;

/**
 * What an enterprise's scenarios add up to. {@code deployed}: scenarios declared DEPLOYED; {@code counted}: those of
 * them not CONTRADICTED; {@code aiEnabled}: counted scenarios that use AI. {@code aiShare} = aiEnabled / counted
 * (0 when nothing is counted). {@code coveredTierLinks}: tier links with at least one counted scenario, in the
 * catalogue's order. {@code catalogueVersion} is null without a declaration.
 */
public record ScenarioCoverage(String catalogueVersion, int deployed, int verified, int counted, int aiEnabled,
                               double aiShare, List<String> coveredTierLinks) {

    public ScenarioCoverage {
        coveredTierLinks = List.copyOf(coveredTierLinks);
    }
}

package org.pharmamaturity.evaluation.scenario;

import org.pharmamaturity.evaluation.model.Comparison;

/**
 * One declared scenario after verification, with the indicator check that decided it: for VERIFIED the first
 * evidencing indicator that held, for CONTRADICTED the first that failed; {@code indicator}, {@code comparator},
 * {@code value} and {@code threshold} are null for UNVERIFIED and NOT_DEPLOYED.
 */
public record ScenarioResult(String scenarioId, String link, String tierLink, ScenarioStatus status, boolean aiEnabled,
                             ScenarioEvidenceStatus evidenceStatus, String indicator, Comparison comparator, Double value,
                             Double threshold) {

    /** Deployed and not contradicted: the scenarios that cover tier links and count in the AI share. */
    public boolean counts() {
        return status == ScenarioStatus.DEPLOYED && evidenceStatus != ScenarioEvidenceStatus.CONTRADICTED;
    }
}

package org.pharmamaturity.streams.scenario;

import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;

/**
 * Judges a deployed scenario by the indicators its catalogue entry names: VERIFIED when they hold, CONTRADICTED
 * when they contradict it, UNVERIFIED when there is no data. {@link #withoutEvidenceRules()} is the verdict while
 * no rules for scenarios are loaded.
 */
@FunctionalInterface
public interface ScenarioVerifier {

    /**
     * The verdict on a deployed scenario.
     *
     * @param scenario its catalogue entry
     * @param kpis the enterprise's rolling indicators; null when it has none yet
     */
    ScenarioVerdict verify(CatalogueScenario scenario, KpiSnapshot kpis);

    /** Every deployed scenario UNVERIFIED, saying that no rule judges it. */
    static ScenarioVerifier withoutEvidenceRules() {
        return (scenario, kpis) -> new ScenarioVerdict(ScenarioEvidenceStatus.UNVERIFIED,
                "no evidence rule for scenarios is loaded, so its indicators are not judged");
    }
}

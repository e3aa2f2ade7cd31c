package org.pharmamaturity.evaluation.scenario;

import java.util.List;

/** An enterprise's declared scenarios, each verified, and their coverage of the tier links and AI share. */
public record ScenarioVerification(List<ScenarioResult> scenarios, ScenarioCoverage coverage) {

    public ScenarioVerification {
        scenarios = List.copyOf(scenarios);
    }
}

package org.pharmamaturity.streams.scenario;

import java.util.List;

import org.pharmamaturity.schemas.avro.ScenarioAssessment;

/**
 * An enterprise's declared scenarios as its maturity result shows them.
 *
 * @param scenarios each declared scenario with its links and evidence status, in declaration order
 * @param linkCoverage the tier links covered by a deployed, not contradicted scenario, sorted
 * @param aiShare share of the deployed, not contradicted scenarios that use AI; null without one
 */
public record ScenarioView(List<ScenarioAssessment> scenarios, List<String> linkCoverage, Double aiShare) {

    /** No declaration. */
    public static final ScenarioView NONE = new ScenarioView(List.of(), List.of(), null);

    public ScenarioView {
        scenarios = List.copyOf(scenarios);
        linkCoverage = List.copyOf(linkCoverage);
    }
}

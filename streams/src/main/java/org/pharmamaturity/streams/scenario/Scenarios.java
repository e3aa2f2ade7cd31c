package org.pharmamaturity.streams.scenario;

/**
 * The scenario catalogue and the verifier of deployed scenarios the pipeline and the API use.
 *
 * @param catalogue the catalogue declarations are checked against and take their links from
 * @param verifier judges deployed scenarios by their indicators
 */
public record Scenarios(ScenarioCatalogue catalogue, ScenarioVerifier verifier) {

    /**
     * The catalogue and verifier in force: the single place where the evaluation module's catalogue
     * ({@code scenarios-2025}) and scenario verification are plugged in. Without them, declarations are checked
     * for everything but the catalogue's ids, and deployed scenarios stay UNVERIFIED.
     */
    public static Scenarios inForce() {
        return new Scenarios(ScenarioCatalogue.none(), ScenarioVerifier.withoutEvidenceRules());
    }
}

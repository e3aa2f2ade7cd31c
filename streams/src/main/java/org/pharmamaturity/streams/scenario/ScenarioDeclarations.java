package org.pharmamaturity.streams.scenario;

import java.util.List;

import org.pharmamaturity.evaluation.scenario.DeclaredScenario;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclaration;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclarationValidator;
import org.pharmamaturity.evaluation.scenario.ScenarioStatus;
import org.pharmamaturity.schemas.declaration.ScenarioDeclarationRules;

/**
 * Scenario declarations as the pipeline and the API see them: the one check a declaration must pass before it is
 * published (API, a 400) or used (pipeline, else a dead letter) — the form rules of the record and the evaluation
 * module's {@link ScenarioDeclarationValidator} against the catalogue in force — and the conversion of the Avro
 * record into the evaluation's {@link ScenarioDeclaration}.
 */
public final class ScenarioDeclarations {

    private final ScenarioCatalogue catalogue;

    public ScenarioDeclarations(ScenarioCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue declarations are checked against and scenarios verified with. */
    public ScenarioCatalogue catalogue() {
        return catalogue;
    }

    /** Every problem of {@code declaration}, one per field; empty when it can be used. */
    public List<String> problems(org.pharmamaturity.schemas.avro.ScenarioDeclaration declaration) {
        return ScenarioDeclarationRules.merge(ScenarioDeclarationRules.problems(declaration),
                ScenarioDeclarationValidator.problems(toEvaluation(declaration), catalogue));
    }

    /**
     * The declaration as the evaluation module's record, declared at its eventTime; a status this reader does not
     * know (UNKNOWN) becomes null, which the validator reports.
     */
    public static ScenarioDeclaration toEvaluation(org.pharmamaturity.schemas.avro.ScenarioDeclaration declaration) {
        List<DeclaredScenario> scenarios = declaration.getScenarios().stream()
                .map(s -> new DeclaredScenario(s.getScenarioId(), status(s.getStatus()), s.getAiEnabled(),
                        s.getSince(), s.getEvidence()))
                .toList();
        return new ScenarioDeclaration(declaration.getEnterpriseId(), declaration.getCatalogueVersion(),
                declaration.getEventTime(), scenarios);
    }

    private static ScenarioStatus status(org.pharmamaturity.schemas.avro.ScenarioStatus status) {
        return status == null || status == org.pharmamaturity.schemas.avro.ScenarioStatus.UNKNOWN ? null
                : ScenarioStatus.valueOf(status.name());
    }
}

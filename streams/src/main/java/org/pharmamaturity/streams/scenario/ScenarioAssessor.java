package org.pharmamaturity.streams.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.schemas.avro.DeclaredScenario;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;

/**
 * Turns an enterprise's latest declaration into its {@link ScenarioView}: each scenario takes its links from the
 * catalogue; a deployed one is judged by the verifier (UNVERIFIED when the catalogue does not know it), a planned
 * or pilot one is NOT_DEPLOYED. Link coverage and AI share count the deployed scenarios that are not
 * contradicted: a scenario the data contradicts covers nothing.
 */
public final class ScenarioAssessor {

    private final Scenarios scenarios;

    public ScenarioAssessor(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    /** The view of {@code declaration} (null: none) against {@code kpis} (null: no indicators yet). */
    public ScenarioView assess(ScenarioDeclaration declaration, KpiSnapshot kpis) {
        if (declaration == null) {
            return ScenarioView.NONE;
        }
        List<ScenarioAssessment> assessed = new ArrayList<>();
        for (DeclaredScenario declared : declaration.getScenarios()) {
            Optional<CatalogueScenario> entry = scenarios.catalogue().scenario(declared.getScenarioId());
            ScenarioVerdict verdict = verdict(declared, entry, kpis);
            assessed.add(ScenarioAssessment.newBuilder()
                    .setScenarioId(declared.getScenarioId())
                    .setLink(entry.map(CatalogueScenario::link).orElse(null))
                    .setTierLink(entry.map(CatalogueScenario::tierLink).orElse(null))
                    .setStatus(declared.getStatus())
                    .setAiEnabled(declared.getAiEnabled())
                    .setSince(declared.getSince())
                    .setEvidenceStatus(verdict.status())
                    .setReason(verdict.reason())
                    .build());
        }
        TreeSet<String> covered = new TreeSet<>();
        int counted = 0;
        int withAi = 0;
        for (ScenarioAssessment scenario : assessed) {
            if (deployed(scenario) && scenario.getEvidenceStatus() != ScenarioEvidenceStatus.CONTRADICTED) {
                counted++;
                withAi += scenario.getAiEnabled() ? 1 : 0;
                if (scenario.getTierLink() != null) {
                    covered.add(scenario.getTierLink());
                }
            }
        }
        return new ScenarioView(assessed, new ArrayList<>(covered), counted == 0 ? null : (double) withAi / counted);
    }

    private static boolean deployed(ScenarioAssessment scenario) {
        return scenario.getStatus() == ScenarioStatus.DEPLOYED;
    }

    private ScenarioVerdict verdict(DeclaredScenario declared, Optional<CatalogueScenario> entry, KpiSnapshot kpis) {
        if (declared.getStatus() != ScenarioStatus.DEPLOYED) {
            return new ScenarioVerdict(ScenarioEvidenceStatus.NOT_DEPLOYED, null);
        }
        return entry.map(scenario -> scenarios.verifier().verify(scenario, kpis))
                .orElseGet(() -> new ScenarioVerdict(ScenarioEvidenceStatus.UNVERIFIED,
                        "the scenario catalogue in force does not know this scenario, so no indicator evidences it"));
    }
}

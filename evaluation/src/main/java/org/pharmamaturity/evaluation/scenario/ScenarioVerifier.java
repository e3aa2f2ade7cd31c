package org.pharmamaturity.evaluation.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiValue;

/**
 * Verifies an enterprise's declared scenarios against its KPI snapshot (see {@link ScenarioEvidenceStatus}) and adds
 * them up into tier-link coverage and AI share. Pure and thread-safe.
 */
public final class ScenarioVerifier {

    private final ScenarioCatalogue catalogue;

    public ScenarioVerifier(ScenarioCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue scenarios are verified against. */
    public ScenarioCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Verifies {@code declaration} (null: nothing declared) with {@code kpis} (null: no data).
     *
     * @throws ScenarioDeclarationException listing every problem of the declaration
     */
    public ScenarioVerification verify(ScenarioDeclaration declaration, KpiSnapshot kpis) {
        if (declaration == null) {
            return new ScenarioVerification(List.of(), coverage(null, List.of()));
        }
        ScenarioDeclarationValidator.validate(declaration, catalogue);
        List<ScenarioResult> results = new ArrayList<>();
        for (DeclaredScenario declared : declaration.scenarios()) {
            Scenario scenario = catalogue.scenario(declared.scenarioId()).orElseThrow();
            results.add(verify(scenario, declared, kpis));
        }
        return new ScenarioVerification(results, coverage(declaration.catalogueVersion(), results));
    }

    private static ScenarioResult verify(Scenario scenario, DeclaredScenario declared, KpiSnapshot kpis) {
        if (declared.status() != ScenarioStatus.DEPLOYED) {
            return result(scenario, declared, ScenarioEvidenceStatus.NOT_DEPLOYED, null, null);
        }
        ScenarioIndicator firstHolding = null;
        double firstHoldingValue = 0;
        for (ScenarioIndicator indicator : scenario.indicators()) {
            Optional<KpiValue> value = kpis == null ? Optional.empty() : kpis.value(indicator.indicator())
                    .filter(v -> v.coverage() >= indicator.minCoverage());
            if (value.isEmpty()) {
                continue;
            }
            double v = value.get().value();
            if (!indicator.comparator().holds(v, indicator.threshold())) {
                return result(scenario, declared, ScenarioEvidenceStatus.CONTRADICTED, indicator, v);
            }
            if (firstHolding == null) {
                firstHolding = indicator;
                firstHoldingValue = v;
            }
        }
        return firstHolding == null ? result(scenario, declared, ScenarioEvidenceStatus.UNVERIFIED, null, null)
                : result(scenario, declared, ScenarioEvidenceStatus.VERIFIED, firstHolding, firstHoldingValue);
    }

    private static ScenarioResult result(Scenario scenario, DeclaredScenario declared, ScenarioEvidenceStatus status,
                                         ScenarioIndicator decidedBy, Double value) {
        return new ScenarioResult(scenario.scenarioId(), scenario.link(), scenario.tierLink(), declared.status(),
                declared.aiEnabled(), status, decidedBy == null ? null : decidedBy.indicator(),
                decidedBy == null ? null : decidedBy.comparator(), value,
                decidedBy == null ? null : decidedBy.threshold());
    }

    private ScenarioCoverage coverage(String catalogueVersion, List<ScenarioResult> results) {
        int deployed = (int) results.stream().filter(r -> r.status() == ScenarioStatus.DEPLOYED).count();
        int verified = (int) results.stream().filter(r -> r.evidenceStatus() == ScenarioEvidenceStatus.VERIFIED).count();
        List<ScenarioResult> counted = results.stream().filter(ScenarioResult::counts).toList();
        int ai = (int) counted.stream().filter(ScenarioResult::aiEnabled).count();
        Set<String> covered = counted.stream().map(ScenarioResult::tierLink).collect(Collectors.toSet());
        List<String> coveredInOrder = catalogue.tierLinks().stream().map(TierLink::tierLink).filter(covered::contains)
                .toList();
        return new ScenarioCoverage(catalogueVersion, deployed, verified, counted.size(), ai,
                counted.isEmpty() ? 0 : (double) ai / counted.size(), coveredInOrder);
    }
}

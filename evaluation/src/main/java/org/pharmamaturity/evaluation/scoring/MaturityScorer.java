package org.pharmamaturity.evaluation.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pharmamaturity.evaluation.evidence.AppliedRule;
import org.pharmamaturity.evaluation.evidence.EvidenceEvaluator;
import org.pharmamaturity.evaluation.evidence.EvidenceStatus;
import org.pharmamaturity.evaluation.evidence.Verification;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiSnapshotException;
import org.pharmamaturity.evaluation.model.EvidenceRule;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.Parameters;
import org.pharmamaturity.evaluation.model.Requirement;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogueReader;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclaration;
import org.pharmamaturity.evaluation.scenario.ScenarioDeclarationException;
import org.pharmamaturity.evaluation.scenario.ScenarioVerification;
import org.pharmamaturity.evaluation.scenario.ScenarioVerifier;
import org.pharmamaturity.evaluation.tier.SectorBenchmarks;
import org.pharmamaturity.evaluation.tier.TierConditions;
import org.pharmamaturity.evaluation.tier.TierConditionsReader;
import org.pharmamaturity.evaluation.tier.TierJudge;
import org.pharmamaturity.evaluation.tier.TierReadiness;

/**
 * Scores self-assessments with one model: validates the assessment, verifies each declared grade with the
 * evidence rules against a KPI snapshot, computes both views, verifies the declared scenarios and judges the
 * smart-factory tiers on the verified view. Immutable and thread-safe; build one per model.
 */
public final class MaturityScorer {

    private final MaturityModel model;
    private final ModelRegistry registry;
    private final LevelScoreCalculator calculator;
    private final EvidenceEvaluator evidence;
    private final ScenarioVerifier scenarios;
    private final TierJudge tiers;

    /** A scorer with the built-in scenario catalogue and tier conditions. */
    public MaturityScorer(MaturityModel model) {
        this(model, BuiltIns.CATALOGUE, BuiltIns.TIERS);
    }

    public MaturityScorer(MaturityModel model, ScenarioCatalogue catalogue, TierConditions tierConditions) {
        this.model = model;
        this.registry = ModelRegistry.of(model);
        this.calculator = new LevelScoreCalculator(model);
        this.evidence = new EvidenceEvaluator(model);
        this.scenarios = new ScenarioVerifier(catalogue);
        this.tiers = new TierJudge(tierConditions, catalogue);
    }

    /** The model this scorer applies. */
    public MaturityModel model() {
        return model;
    }

    /** Scores an enterprise of unknown sector and type (every requirement applies). */
    public MaturityResult score(Assessment assessment, KpiSnapshot kpis) {
        return score(assessment, kpis, EnterpriseProfile.unknown());
    }

    /**
     * Scores {@code assessment} with {@code kpis} (null: no telemetry, every grade stays unverified), without scenario
     * declaration or sector benchmarks: the tiers then list those conditions as unmet.
     *
     * @throws AssessmentException   listing every problem of the assessment
     * @throws KpiSnapshotException  when the snapshot belongs to another enterprise
     */
    public MaturityResult score(Assessment assessment, KpiSnapshot kpis, EnterpriseProfile profile) {
        return score(assessment, kpis, profile, null, null);
    }

    /**
     * Scores {@code assessment} with {@code kpis} (null: no telemetry), verifies the enterprise's scenario
     * {@code declaration} (null: none declared) with the same KPIs, and judges the tiers against the sector's
     * {@code benchmarks} (null: no sector reference yet).
     *
     * @throws AssessmentException          listing every problem of the assessment
     * @throws KpiSnapshotException         when the snapshot belongs to another enterprise
     * @throws ScenarioDeclarationException listing every problem of the declaration, or when it belongs to
     *                                      another enterprise
     */
    public MaturityResult score(Assessment assessment, KpiSnapshot kpis, EnterpriseProfile profile,
                                ScenarioDeclaration declaration, SectorBenchmarks benchmarks) {
        AssessmentValidator.validate(assessment, registry);
        KpiSnapshot snapshot = kpis == null ? KpiSnapshot.empty(assessment.enterpriseId(), assessment.submittedAt()) : kpis;
        if (!assessment.enterpriseId().equals(snapshot.enterpriseId())) {
            throw new KpiSnapshotException("for '" + snapshot.enterpriseId() + "'", List.of("it cannot evidence the assessment of enterprise '"
                    + assessment.enterpriseId() + "'; pass the KPI snapshot of the same enterprise"));
        }
        Map<String, Grade> answers = new HashMap<>();
        assessment.answers().forEach(answer -> answers.put(answer.requirementId(), answer.grade()));

        List<Requirement> requirements = model.requirements();
        Grade[] declared = new Grade[requirements.size()];
        Grade[] verified = new Grade[requirements.size()];
        List<RequirementResult> results = new ArrayList<>();
        List<Contradiction> contradictions = new ArrayList<>();
        Map<EvidenceStatus, Integer> statusCounts = new HashMap<>();
        EvidenceEvaluator.Verifier verifier = evidence.against(snapshot);
        for (int i = 0; i < requirements.size(); i++) {
            Requirement requirement = requirements.get(i);
            if (!requirement.applicability().appliesTo(profile.manufacturingType())) {
                continue;
            }
            Verification verification = verifier.verify(requirement,
                    answers.getOrDefault(requirement.requirementId(), Grade.NONE));
            declared[i] = verification.declaredGrade();
            verified[i] = verification.verifiedGrade();
            results.add(new RequirementResult(requirement.requirementId(), requirement.subDomain(), requirement.level(),
                    verification.declaredGrade(), verification.verifiedGrade(), verification.status(), verification.ruleId()));
            if (verification.declaredGrade().scored()) {
                statusCounts.merge(verification.status(), 1, Integer::sum);
            }
            if (isContradiction(verification)) {
                contradictions.add(contradiction(requirement, verification));
            }
        }
        ViewResult declaredView = calculator.compute(declared);
        ViewResult verifiedView = calculator.compute(verified);
        Map<String, Double> kpiValues = new LinkedHashMap<>();
        snapshot.values().forEach((indicator, value) -> kpiValues.put(indicator, value.value()));
        ScenarioVerification verification = scenarios.verify(declarationOf(assessment.enterpriseId(), declaration),
                snapshot);
        List<TierReadiness> readiness = tiers.judge(verifiedView.level(), verification.coverage(),
                model.keyIndicators(), model.modelVersion(), snapshot, benchmarks);
        return new MaturityResult(assessment.enterpriseId(), profile.sector(), later(assessment.submittedAt(), snapshot.asOf()),
                model.modelVersion(), assessment.submissionId(), declaredView, verifiedView, results, contradictions,
                kpiValues, evidenceCoverage(statusCounts), confirmationRatio(statusCounts),
                Tiers.of(readiness), readiness, verification.scenarios(), verification.coverage());
    }

    private static ScenarioDeclaration declarationOf(String enterpriseId, ScenarioDeclaration declaration) {
        if (declaration != null && !enterpriseId.equals(declaration.enterpriseId())) {
            throw new ScenarioDeclarationException("of '" + declaration.enterpriseId() + "'", List.of(
                    "it cannot declare scenarios for enterprise '" + enterpriseId
                            + "'; pass the declaration of the same enterprise"));
        }
        return declaration;
    }

    /** A declared grade at or above the pass mark that a cap lowered. */
    private boolean isContradiction(Verification verification) {
        Parameters parameters = model.parameters();
        return verification.status() == EvidenceStatus.CAPPED
                && parameters.valueOf(verification.declaredGrade()) >= parameters.passMark()
                && parameters.valueOf(verification.verifiedGrade()) < parameters.valueOf(verification.declaredGrade());
    }

    private static Contradiction contradiction(Requirement requirement, Verification verification) {
        AppliedRule applied = verification.appliedRule();
        EvidenceRule rule = applied.rule();
        return new Contradiction(requirement.requirementId(), rule.ruleId(), rule.indicator(), rule.comparator(),
                applied.value(), rule.threshold(), verification.declaredGrade(), verification.verifiedGrade());
    }

    /** Share of scored requirements that some rule spoke for (CONFIRMED or CAPPED); 0 when none is scored. */
    private static double evidenceCoverage(Map<EvidenceStatus, Integer> counts) {
        int spoken = count(counts, EvidenceStatus.CONFIRMED) + count(counts, EvidenceStatus.CAPPED);
        int scored = spoken + count(counts, EvidenceStatus.UNVERIFIED) + count(counts, EvidenceStatus.NO_RULE);
        return scored == 0 ? 0 : (double) spoken / scored;
    }

    /** Share of rule-covered requirements (CONFIRMED, CAPPED or UNVERIFIED) that were CONFIRMED; 0 when none. */
    private static double confirmationRatio(Map<EvidenceStatus, Integer> counts) {
        int confirmed = count(counts, EvidenceStatus.CONFIRMED);
        int covered = confirmed + count(counts, EvidenceStatus.CAPPED) + count(counts, EvidenceStatus.UNVERIFIED);
        return covered == 0 ? 0 : (double) confirmed / covered;
    }

    private static int count(Map<EvidenceStatus, Integer> counts, EvidenceStatus status) {
        return counts.getOrDefault(status, 0);
    }

    private static Instant later(Instant a, Instant b) {
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    /** The built-in reference data, read once on first use (both are immutable). */
    private static final class BuiltIns {
        static final ScenarioCatalogue CATALOGUE = ScenarioCatalogueReader.builtIn();
        static final TierConditions TIERS = TierConditionsReader.builtIn();
    }
}

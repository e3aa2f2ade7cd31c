package org.pharmamaturity.streams.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.pharmamaturity.evaluation.scenario.ScenarioResult;
import org.pharmamaturity.evaluation.scoring.MaturityResult;
import org.pharmamaturity.evaluation.scoring.RequirementResult;
import org.pharmamaturity.evaluation.scoring.ViewResult;
import org.pharmamaturity.evaluation.sector.EnterpriseSummary;
import org.pharmamaturity.schemas.avro.AssessmentAnswer;
import org.pharmamaturity.schemas.avro.Contradiction;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.EvidenceStatus;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.MaturityView;
import org.pharmamaturity.schemas.avro.RequirementAssessment;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.avro.SmartFactoryTiers;
import org.pharmamaturity.schemas.avro.SubDomainScore;
import org.pharmamaturity.schemas.avro.TierReadiness;
import org.pharmamaturity.streams.state.avro.SectorContribution;

/** Converts the evaluation library's maturity results into the records the pipeline publishes. */
public final class MaturityRecords {

    /** The fields of a result that stamp it rather than say something about the enterprise. */
    private static final Set<String> NOT_VERDICT = Set.of("eventId", "eventTime", "asOf", "kpis");

    private MaturityRecords() {
    }

    /**
     * The EnterpriseMaturity of {@code result}; requirements the submission did not answer carry null grades (they
     * count as NONE), and each scenario takes its {@code since} from the {@code declaration} (null: none).
     */
    public static EnterpriseMaturity toAvro(MaturityResult result, SelfAssessmentSubmission submission,
            ScenarioDeclaration declaration, long nowMs) {
        Set<String> answered = submission.getAnswers().stream().map(AssessmentAnswer::getRequirementId)
                .collect(Collectors.toSet());
        List<RequirementAssessment> requirements = new ArrayList<>();
        for (RequirementResult requirement : result.requirements()) {
            boolean isAnswered = answered.contains(requirement.requirementId());
            requirements.add(new RequirementAssessment(requirement.requirementId(), requirement.subDomain(),
                    requirement.level(), isAnswered ? grade(requirement.declaredGrade()) : null,
                    isAnswered ? grade(requirement.verifiedGrade()) : null,
                    EvidenceStatus.valueOf(requirement.status().name()), requirement.ruleId()));
        }
        List<Contradiction> contradictions = result.contradictions().stream()
                .map(c -> new Contradiction(c.requirementId(), c.ruleId(), c.indicator(), c.value(), c.threshold(),
                        grade(c.declaredGrade()), grade(c.verifiedGrade())))
                .toList();
        return EnterpriseMaturity.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(nowMs))
                .setEnterpriseId(result.enterpriseId())
                .setSector(result.sector())
                .setAsOf(result.asOf())
                .setModelVersion(result.modelVersion())
                .setDeclared(view(result.declared()))
                .setVerified(view(result.verified()))
                .setRequirements(requirements)
                .setContradictions(contradictions)
                .setKpis(new TreeMap<>(result.kpis()))
                .setEvidenceCoverage(result.evidenceCoverage())
                .setConfirmationRatio(result.confirmationRatio())
                .setTiers(new SmartFactoryTiers(result.tiers().basic(), result.tiers().advanced(),
                        result.tiers().excellent(), result.tiers().leading()))
                .setTierReadiness(result.tierReadiness().stream()
                        .map(t -> new TierReadiness(t.tier().id(), t.eligible(), t.unmet())).toList())
                .setScenarios(scenarios(result.scenarios(), declaration))
                .setLinkCoverage(result.scenarioCoverage().coveredTierLinks())
                .setAiShare(result.scenarioCoverage().counted() == 0 ? null : result.scenarioCoverage().aiShare())
                .build();
    }

    private static List<ScenarioAssessment> scenarios(List<ScenarioResult> results, ScenarioDeclaration declaration) {
        Map<String, LocalDate> since = new HashMap<>();
        if (declaration != null) {
            declaration.getScenarios().stream().filter(s -> s.getSince() != null)
                    .forEach(s -> since.put(s.getScenarioId(), s.getSince()));
        }
        return results.stream().map(r -> ScenarioAssessment.newBuilder()
                .setScenarioId(r.scenarioId())
                .setLink(r.link())
                .setTierLink(r.tierLink())
                .setStatus(ScenarioStatus.valueOf(r.status().name()))
                .setAiEnabled(r.aiEnabled())
                .setSince(since.get(r.scenarioId()))
                .setEvidenceStatus(ScenarioEvidenceStatus.valueOf(r.evidenceStatus().name()))
                .setReason(reason(r))
                .build()).toList();
    }

    /** The indicator check that decided a scenario, for a person: "networkingRate 0.9 >= 0.8", "... not >= ...". */
    private static String reason(ScenarioResult result) {
        return switch (result.evidenceStatus()) {
            case VERIFIED -> result.indicator() + " " + result.value() + " " + result.comparator().symbol() + " "
                    + result.threshold();
            case CONTRADICTED -> result.indicator() + " " + result.value() + " not " + result.comparator().symbol()
                    + " " + result.threshold();
            case UNVERIFIED -> "no evidencing indicator has a value with enough coverage";
            case NOT_DEPLOYED -> null;
        };
    }

    /**
     * What the result contributes to the statistics of its groups (its sector and {@code district}, null when
     * unknown), with its values of the key indicators for the sector benchmarks.
     */
    public static SectorContribution contribution(MaturityResult result, String district, Map<String, Double> keyKpis) {
        EnterpriseSummary summary = EnterpriseSummary.of(result);
        List<String> eligible = result.tierReadiness().stream().filter(t -> t.eligible()).map(t -> t.tier().id())
                .toList();
        return new SectorContribution(result.enterpriseId(), result.sector(), result.asOf().toEpochMilli(),
                result.modelVersion(), summary.verifiedScore(), summary.verifiedLevel(), summary.declaredScore(),
                summary.hasContradiction(), new TreeMap<>(summary.subDomainFulfilment()), eligible,
                result.scenarioCoverage().deployed(), result.scenarioCoverage().verified(), new TreeMap<>(keyKpis),
                district);
    }


    /**
     * True when both results say the same thing: everything but their ids, computation times, asOf and the KPI
     * values (which move with every input without necessarily changing any verdict).
     */
    public static boolean sameVerdict(EnterpriseMaturity a, EnterpriseMaturity b) {
        if (a == null || b == null) {
            return false;
        }
        // Field by field: copying a record to align the stamps (a builder copies deeply) cost more than the compare.
        for (Schema.Field field : EnterpriseMaturity.getClassSchema().getFields()) {
            if (!NOT_VERDICT.contains(field.name()) && !Objects.equals(a.get(field.pos()), b.get(field.pos()))) {
                return false;
            }
        }
        return true;
    }

    private static MaturityView view(ViewResult view) {
        List<SubDomainScore> scores = new ArrayList<>();
        for (Map.Entry<String, List<Double>> subDomain : view.subDomainScores().entrySet()) {
            List<Double> byLevel = subDomain.getValue();
            for (int k = 0; k < byLevel.size(); k++) {
                if (byLevel.get(k) != null) {
                    scores.add(new SubDomainScore(subDomain.getKey(), k + 1, byLevel.get(k)));
                }
            }
        }
        return new MaturityView(view.levelScores(), view.score(), view.level(), scores);
    }

    private static Grade grade(org.pharmamaturity.evaluation.model.Grade grade) {
        return Grade.valueOf(grade.name());
    }
}

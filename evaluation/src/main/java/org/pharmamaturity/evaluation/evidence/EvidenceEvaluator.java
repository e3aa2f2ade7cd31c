package org.pharmamaturity.evaluation.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiValue;
import org.pharmamaturity.evaluation.model.EvidenceEffect;
import org.pharmamaturity.evaluation.model.EvidenceRule;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.Parameters;
import org.pharmamaturity.evaluation.model.Requirement;

/**
 * Turns declared grades into verified grades with a model's evidence rules (DESIGN.md section 4, "Precisely"):
 * a rule applies when its indicator's coverage reaches minCoverage and {@code value comparator threshold} holds;
 * the lowest applicable cap wins over any confirmation; telemetry never raises a grade.
 */
public final class EvidenceEvaluator {

    private final List<EvidenceRule> rules;
    private final Parameters parameters;

    public EvidenceEvaluator(MaturityModel model) {
        this.rules = model.evidenceRules();
        this.parameters = model.parameters();
    }

    /** The rules that apply to {@code kpis}, ready to verify requirements. */
    public Verifier against(KpiSnapshot kpis) {
        List<AppliedRule> applied = new ArrayList<>();
        for (EvidenceRule rule : rules) {
            Optional<KpiValue> value = kpis.value(rule.indicator());
            if (value.isPresent() && value.get().coverage() >= rule.minCoverage()
                    && rule.comparator().holds(value.get().value(), rule.threshold())) {
                applied.add(new AppliedRule(rule, value.get().value()));
            }
        }
        return new Verifier(List.copyOf(applied));
    }

    /** Verifies requirements against the rules that applied to one KPI snapshot. */
    public final class Verifier {

        private final List<AppliedRule> applied;

        private Verifier(List<AppliedRule> applied) {
            this.applied = applied;
        }

        /** The verified grade of {@code requirement} declared as {@code declared}. */
        public Verification verify(Requirement requirement, Grade declared) {
            if (!declared.scored()) {
                return new Verification(declared, declared, EvidenceStatus.NO_RULE, null);
            }
            AppliedRule lowestCap = null;
            AppliedRule firstConfirm = null;
            for (AppliedRule candidate : applied) {
                EvidenceRule rule = candidate.rule();
                if (!rule.covers(requirement.subDomain(), requirement.level())) {
                    continue;
                }
                if (rule.effect() == EvidenceEffect.CAP) {
                    if (lowestCap == null || valueOf(rule.capGrade()) < valueOf(lowestCap.rule().capGrade())) {
                        lowestCap = candidate;
                    }
                } else if (firstConfirm == null) {
                    firstConfirm = candidate;
                }
            }
            if (lowestCap != null) {
                Grade cap = lowestCap.rule().capGrade();
                Grade verified = valueOf(cap) < valueOf(declared) ? cap : declared;
                return new Verification(declared, verified, EvidenceStatus.CAPPED, lowestCap);
            }
            if (firstConfirm != null) {
                return new Verification(declared, declared, EvidenceStatus.CONFIRMED, firstConfirm);
            }
            boolean covered = rules.stream().anyMatch(rule -> rule.covers(requirement.subDomain(), requirement.level()));
            return new Verification(declared, declared, covered ? EvidenceStatus.UNVERIFIED : EvidenceStatus.NO_RULE, null);
        }

        private double valueOf(Grade grade) {
            return parameters.valueOf(grade);
        }
    }
}

package org.pharmamaturity.evaluation.evidence;

import org.pharmamaturity.evaluation.model.Grade;

/**
 * The outcome of the evidence rules for one requirement: the verified grade, its status and the rule that set
 * it ({@code null} for UNVERIFIED and NO_RULE).
 */
public record Verification(Grade declaredGrade, Grade verifiedGrade, EvidenceStatus status, AppliedRule appliedRule) {

    /** The id of the rule that set the status, or {@code null}. */
    public String ruleId() {
        return appliedRule == null ? null : appliedRule.rule().ruleId();
    }
}

package org.pharmamaturity.evaluation.scoring;

import org.pharmamaturity.evaluation.evidence.EvidenceStatus;
import org.pharmamaturity.evaluation.model.Grade;

/** One requirement of a maturity result: declared and verified grade, evidence status and the deciding rule. */
public record RequirementResult(String requirementId, String subDomain, int level, Grade declaredGrade,
                                Grade verifiedGrade, EvidenceStatus status, String ruleId) {
}

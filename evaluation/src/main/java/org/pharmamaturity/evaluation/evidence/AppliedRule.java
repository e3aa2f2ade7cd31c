package org.pharmamaturity.evaluation.evidence;

import org.pharmamaturity.evaluation.model.EvidenceRule;

/** An evidence rule that applied to a KPI snapshot, with the indicator value that made it apply. */
public record AppliedRule(EvidenceRule rule, double value) {
}

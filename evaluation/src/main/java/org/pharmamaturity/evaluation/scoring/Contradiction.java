package org.pharmamaturity.evaluation.scoring;

import org.pharmamaturity.evaluation.model.Comparison;
import org.pharmamaturity.evaluation.model.Grade;

/**
 * A requirement declared at or above the pass mark that telemetry capped lower, with the rule, the indicator
 * value and the threshold a regulator needs to see why.
 */
public record Contradiction(String requirementId, String ruleId, String indicator, Comparison comparator,
                            double value, double threshold, Grade declaredGrade, Grade verifiedGrade) {
}

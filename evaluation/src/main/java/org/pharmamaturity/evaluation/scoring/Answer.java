package org.pharmamaturity.evaluation.scoring;

import org.pharmamaturity.evaluation.model.Grade;

/** One answer of a self-assessment: the grade declared for a requirement, with optional evidence text. */
public record Answer(String requirementId, Grade grade, String evidence) {
}

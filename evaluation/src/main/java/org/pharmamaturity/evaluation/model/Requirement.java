package org.pharmamaturity.evaluation.model;

/** One maturity requirement (成熟度要求) of the catalogue: a statement for one sub-domain at one level. */
public record Requirement(
        String requirementId, String subDomain, int level, String statement, Applicability applicability, String source) {
}

package org.pharmamaturity.evaluation.model;

/**
 * How level scores add up to the total score S (domain.md 2.2 (d), recalled, so it is a switch):
 * A sums L(1)..L(m) up to the first level m that is not met; B counts met levels as 1: S = (m - 1) + L(m).
 */
public enum CumulationRule {
    A,
    B
}

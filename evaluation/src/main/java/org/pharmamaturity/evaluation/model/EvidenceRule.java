package org.pharmamaturity.evaluation.model;

import java.util.List;

/**
 * Ties an indicator to the requirements it can evidence: when the indicator's coverage reaches
 * {@code minCoverage} and {@code value comparator threshold} holds, the rule applies to every requirement
 * of {@code subDomains} with {@code minLevel <= level <= maxLevel} (maxLevel is this project's extension of
 * DESIGN.md, default 5). A CAP rule caps the verified grade at {@code capGrade}; a CONFIRM rule has none.
 */
public record EvidenceRule(
        String ruleId,
        String indicator,
        Comparison comparator,
        double threshold,
        double minCoverage,
        List<String> subDomains,
        int minLevel,
        int maxLevel,
        EvidenceEffect effect,
        Grade capGrade,
        String rationale) {

    public EvidenceRule {
        subDomains = List.copyOf(subDomains);
    }

    /** Whether this rule speaks for requirements of {@code subDomain} at {@code level}. */
    public boolean covers(String subDomain, int level) {
        return level >= minLevel && level <= maxLevel && subDomains.contains(subDomain);
    }
}

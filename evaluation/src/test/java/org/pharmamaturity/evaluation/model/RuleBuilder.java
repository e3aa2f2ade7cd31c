package org.pharmamaturity.evaluation.model;

import java.util.List;

/** Builds evidence rules for tests; by default a CAP at PARTLY when the value is below 0.5 with coverage 0.8. */
public final class RuleBuilder {

    private final String ruleId;
    private final String indicator;
    private Comparison comparator = Comparison.LESS;
    private double threshold = 0.5;
    private double minCoverage = 0.8;
    private List<String> subDomains = List.of("a");
    private int minLevel = 1;
    private int maxLevel = 5;
    private EvidenceEffect effect = EvidenceEffect.CAP;
    private Grade capGrade = Grade.PARTLY;

    private RuleBuilder(String ruleId, String indicator) {
        this.ruleId = ruleId;
        this.indicator = indicator;
    }

    public static RuleBuilder aRule(String ruleId, String indicator) {
        return new RuleBuilder(ruleId, indicator);
    }

    public RuleBuilder when(Comparison comparator, double threshold) {
        this.comparator = comparator;
        this.threshold = threshold;
        return this;
    }

    public RuleBuilder minCoverage(double minCoverage) {
        this.minCoverage = minCoverage;
        return this;
    }

    public RuleBuilder on(String... subDomains) {
        this.subDomains = List.of(subDomains);
        return this;
    }

    public RuleBuilder levels(int minLevel, int maxLevel) {
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        return this;
    }

    public RuleBuilder cap(Grade capGrade) {
        this.effect = EvidenceEffect.CAP;
        this.capGrade = capGrade;
        return this;
    }

    public RuleBuilder confirm() {
        this.effect = EvidenceEffect.CONFIRM;
        this.capGrade = null;
        return this;
    }

    public EvidenceRule build() {
        return new EvidenceRule(ruleId, indicator, comparator, threshold, minCoverage, subDomains, minLevel, maxLevel,
                effect, capGrade, "test rule");
    }
}

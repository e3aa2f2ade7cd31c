package org.pharmamaturity.evaluation.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pharmamaturity.evaluation.json.TextBounds;

/** The semantic checks of a model: weights per tier, known ids, levels, grades, rules. Collects every problem. */
final class ModelValidator {

    /** Weights within a tier must sum to 1 within this tolerance (decimal files cannot write 1/3 exactly). */
    static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    private ModelValidator() {
    }

    static List<String> problems(
            String modelVersion, Parameters parameters, List<StructureElement> structure,
            List<EvaluationDomain> evaluationDomains, List<KeyIndicator> keyIndicators,
            List<Requirement> requirements, List<EvidenceRule> rules) {
        List<String> problems = new ArrayList<>();
        if (modelVersion == null || modelVersion.isBlank()) {
            problems.add("modelVersion: missing");
        }
        // Assessments name the model and their requirements by these ids, and must keep to the id bounds.
        TextBounds.idProblem("modelVersion", modelVersion).ifPresent(problems::add);
        checkParameters(parameters, problems);
        Set<String> subDomains = checkStructure(structure, problems);
        if (!evaluationDomains.isEmpty()) {
            checkEvaluationDomains(evaluationDomains, structure, subDomains, problems);
        }
        checkKeyIndicators(keyIndicators, problems);
        checkRequirements(requirements, subDomains, problems);
        checkRules(rules, subDomains, problems);
        return problems;
    }

    private static void checkParameters(Parameters parameters, List<String> problems) {
        double previous = Double.POSITIVE_INFINITY;
        for (Grade grade : Grade.SCORED) {
            Double value = parameters.grades().get(grade);
            if (value == null) {
                problems.add("parameters.grades: " + grade + " has no value");
                continue;
            }
            if (value < 0 || value > 1) {
                problems.add("parameters.grades." + grade + ": " + value + " is outside [0, 1]");
            }
            if (value > previous) {
                problems.add("parameters.grades." + grade + ": " + value
                        + " is above the grade before it; grades must not increase from FULL to NONE");
            }
            previous = value;
        }
        if (parameters.grades().containsKey(Grade.NOT_APPLICABLE)) {
            problems.add("parameters.grades: NOT_APPLICABLE must not have a value, it is left out of scores");
        }
        if (!(parameters.passMark() > 0 && parameters.passMark() <= 1)) {
            problems.add("parameters.passMark: " + parameters.passMark() + " is outside (0, 1]");
        }
        if (parameters.cumulationRule() == null) {
            problems.add("parameters.cumulationRule: missing");
        }
        List<Double> thresholds = parameters.levelThresholds();
        if (thresholds.size() != 5) {
            problems.add("parameters.levelThresholds: expected 5 values (lowest score of levels 1 to 5), got "
                    + thresholds.size());
        }
        for (int i = 0; i < thresholds.size(); i++) {
            double threshold = thresholds.get(i);
            if (threshold < 0 || threshold > 5) {
                problems.add("parameters.levelThresholds[" + i + "]: " + threshold + " is outside [0, 5]");
            }
            if (i > 0 && threshold <= thresholds.get(i - 1)) {
                problems.add("parameters.levelThresholds[" + i + "]: " + threshold
                        + " does not increase on the value before it");
            }
        }
    }

    private static Set<String> checkStructure(List<StructureElement> structure, List<String> problems) {
        Set<String> elements = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Set<String> subDomains = new HashSet<>();
        if (structure.isEmpty()) {
            problems.add("structure: no element");
        }
        checkTier("the elements", structure.stream().mapToDouble(StructureElement::weight).sum(), problems);
        for (StructureElement element : structure) {
            unique(elements, element.element(), "structure", "element id", problems);
            checkWeight("element '" + element.element() + "'", element.weight(), element.weightSource(), problems);
            if (element.domains().isEmpty()) {
                problems.add("structure: element '" + element.element() + "' has no domain");
            }
            checkTier("the domains of element '" + element.element() + "'",
                    element.domains().stream().mapToDouble(StructureDomain::weight).sum(), problems);
            for (StructureDomain domain : element.domains()) {
                unique(domains, domain.domain(), "structure", "domain id", problems);
                checkWeight("domain '" + domain.domain() + "'", domain.weight(), domain.weightSource(), problems);
                if (domain.subDomains().isEmpty()) {
                    problems.add("structure: domain '" + domain.domain() + "' has no sub-domain");
                }
                checkTier("the sub-domains of domain '" + domain.domain() + "'",
                        domain.subDomains().stream().mapToDouble(StructureSubDomain::weight).sum(), problems);
                for (StructureSubDomain subDomain : domain.subDomains()) {
                    unique(subDomains, subDomain.subDomain(), "structure", "sub-domain id", problems);
                    checkWeight("sub-domain '" + subDomain.subDomain() + "'", subDomain.weight(),
                            subDomain.weightSource(), problems);
                }
            }
        }
        return subDomains;
    }

    /**
     * Every sub-domain in exactly one evaluation domain, their weights summing to 1, and the structure's weights
     * agreeing with the grouping: the product of a sub-domain's element, domain and sub-domain weights must equal
     * its share of its evaluation domain, so that a reader of either part sees the same W(d).
     */
    private static void checkEvaluationDomains(List<EvaluationDomain> evaluationDomains, List<StructureElement> structure,
                                               Set<String> subDomains, List<String> problems) {
        int problemsBefore = problems.size();
        Set<String> ids = new HashSet<>();
        Map<String, String> groupOf = new HashMap<>();
        checkTier("the evaluation domains", evaluationDomains.stream().mapToDouble(EvaluationDomain::weight).sum(),
                problems);
        for (EvaluationDomain domain : evaluationDomains) {
            String id = domain.evaluationDomain();
            unique(ids, id, "evaluationDomains", "evaluationDomain id", problems);
            if (!(domain.weight() >= 0 && domain.weight() <= 1)) {
                problems.add("evaluationDomains: '" + id + "' has weight " + domain.weight() + " outside [0, 1]");
            }
            if (domain.weightSource() == null) {
                problems.add("evaluationDomains: '" + id + "' has no weightSource (official, public-summary or placeholder)");
            }
            if (domain.subDomains().isEmpty()) {
                problems.add("evaluationDomains: '" + id + "' has no sub-domain");
            }
            for (String subDomain : domain.subDomains()) {
                if (!subDomains.contains(subDomain)) {
                    problems.add("evaluationDomains: '" + id + "' names sub-domain '" + subDomain
                            + "', which is not in the structure");
                }
                String other = groupOf.putIfAbsent(subDomain, id);
                if (other != null) {
                    problems.add("evaluationDomains: sub-domain '" + subDomain + "' is in both '" + other + "' and '"
                            + id + "'; put it in one");
                }
            }
        }
        subDomains.stream().filter(subDomain -> !groupOf.containsKey(subDomain)).sorted().forEach(subDomain ->
                problems.add("evaluationDomains: sub-domain '" + subDomain + "' is in no evaluation domain"));
        if (problems.size() == problemsBefore) {
            Map<String, BigDecimal> grouped = EffectiveWeights.of(structure, evaluationDomains);
            EffectiveWeights.ofStructure(structure).forEach((subDomain, product) -> {
                double difference = product.subtract(grouped.get(subDomain)).abs().doubleValue();
                if (difference > WEIGHT_SUM_TOLERANCE) {
                    problems.add("structure: the weights of sub-domain '" + subDomain + "' multiply to " + product
                            + " but its evaluation domain gives it " + grouped.get(subDomain)
                            + "; write the structure's weights so that both agree");
                }
            });
        }
    }

    private static void checkKeyIndicators(List<KeyIndicator> keyIndicators, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (KeyIndicator key : keyIndicators) {
            if (!Indicators.KNOWN.contains(key.indicator())) {
                problems.add("keyIndicators: '" + key.indicator() + "' is not a known indicator; known indicators: "
                        + String.join(", ", Indicators.KNOWN.stream().sorted().toList()));
            } else if (!seen.add(key.indicator())) {
                problems.add("keyIndicators: duplicate indicator '" + key.indicator() + "'");
            }
            if (key.better() == null) {
                problems.add("keyIndicators: '" + key.indicator() + "' has no direction (better HIGHER or LOWER)");
            }
        }
    }

    private static void checkTier(String tier, double sum, List<String> problems) {
        if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            problems.add("structure: the weights of " + tier + " sum to " + sum + " instead of 1");
        }
    }

    private static void checkWeight(String what, double weight, WeightSource source, List<String> problems) {
        if (!(weight >= 0 && weight <= 1)) {
            problems.add("structure: " + what + " has weight " + weight + " outside [0, 1]");
        }
        if (source == null) {
            problems.add("structure: " + what + " has no weightSource (official, public-summary or placeholder)");
        }
    }

    private static void checkRequirements(List<Requirement> requirements, Set<String> subDomains, List<String> problems) {
        Set<String> ids = new HashSet<>();
        if (requirements.isEmpty()) {
            problems.add("requirements: the catalogue is empty");
        }
        for (Requirement requirement : requirements) {
            String id = requirement.requirementId();
            unique(ids, id, "requirements", "requirementId", problems);
            TextBounds.idProblem("requirement " + TextBounds.shown(id) + ": requirementId", id).ifPresent(problems::add);
            if (!subDomains.contains(requirement.subDomain())) {
                problems.add("requirement " + id + ": subDomain '" + requirement.subDomain()
                        + "' is not in the structure");
            }
            checkLevel("requirement " + id + ": level", requirement.level(), problems);
            if (requirement.statement() == null || requirement.statement().isBlank()) {
                problems.add("requirement " + id + ": statement is missing");
            }
            if (requirement.applicability() == null) {
                problems.add("requirement " + id + ": applicability is missing (ALL, PROCESS or DISCRETE)");
            }
        }
    }

    private static void checkRules(List<EvidenceRule> rules, Set<String> subDomains, List<String> problems) {
        Set<String> ids = new HashSet<>();
        for (EvidenceRule rule : rules) {
            String id = rule.ruleId();
            unique(ids, id, "evidenceRules", "ruleId", problems);
            if (!Indicators.KNOWN.contains(rule.indicator())) {
                problems.add("evidence rule " + id + ": indicator '" + rule.indicator()
                        + "' is unknown; known indicators: " + String.join(", ", Indicators.KNOWN.stream().sorted().toList()));
            }
            if (rule.comparator() == null) {
                problems.add("evidence rule " + id + ": comparator is missing (<, <=, > or >=)");
            }
            if (!Double.isFinite(rule.threshold())) {
                problems.add("evidence rule " + id + ": threshold " + rule.threshold() + " is not a finite number");
            }
            if (!(rule.minCoverage() >= 0 && rule.minCoverage() <= 1)) {
                problems.add("evidence rule " + id + ": minCoverage " + rule.minCoverage() + " is outside [0, 1]");
            }
            if (rule.subDomains().isEmpty()) {
                problems.add("evidence rule " + id + ": subDomains is empty");
            }
            for (String subDomain : rule.subDomains()) {
                if (!subDomains.contains(subDomain)) {
                    problems.add("evidence rule " + id + ": subDomain '" + subDomain + "' is not in the structure");
                }
            }
            checkLevel("evidence rule " + id + ": minLevel", rule.minLevel(), problems);
            checkLevel("evidence rule " + id + ": maxLevel", rule.maxLevel(), problems);
            if (rule.maxLevel() < rule.minLevel()) {
                problems.add("evidence rule " + id + ": maxLevel " + rule.maxLevel() + " is below minLevel " + rule.minLevel());
            }
            checkEffect(rule, problems);
        }
    }

    private static void checkEffect(EvidenceRule rule, List<String> problems) {
        String id = rule.ruleId();
        if (rule.effect() == null) {
            problems.add("evidence rule " + id + ": effect is missing (CONFIRM or CAP)");
        } else if (rule.effect() == EvidenceEffect.CAP && (rule.capGrade() == null || !rule.capGrade().scored())) {
            problems.add("evidence rule " + id + ": a CAP rule needs capGrade FULL, LARGELY, PARTLY or NONE");
        } else if (rule.effect() == EvidenceEffect.CONFIRM && rule.capGrade() != null) {
            problems.add("evidence rule " + id + ": a CONFIRM rule must not have a capGrade");
        }
    }

    private static void checkLevel(String what, int level, List<String> problems) {
        if (level < 1 || level > 5) {
            problems.add(what + " " + level + " is outside 1-5");
        }
    }

    private static void unique(Set<String> seen, String id, String where, String kind, List<String> problems) {
        if (id == null || id.isBlank()) {
            problems.add(where + ": a " + kind + " is missing");
        } else if (!seen.add(id)) {
            problems.add(where + ": duplicate " + kind + " '" + id + "'");
        }
    }
}

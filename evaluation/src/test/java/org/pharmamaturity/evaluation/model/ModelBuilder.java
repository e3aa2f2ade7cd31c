package org.pharmamaturity.evaluation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds small models for tests. Without {@link #element}/{@link #domain} calls, sub-domains go into one
 * element "e" and one domain "e.d", both of weight 1. Standard GB/T 39117 parameters with rule A by default.
 */
public final class ModelBuilder {

    public static final String VERSION = "test-model";

    private Parameters parameters = standardParameters(CumulationRule.A);
    private final List<StructureElement> elements = new ArrayList<>();
    private final List<Requirement> requirements = new ArrayList<>();
    private final List<EvidenceRule> rules = new ArrayList<>();
    private String currentElement;
    private double currentElementWeight;
    private List<StructureDomain> currentDomains;
    private String currentDomain;
    private double currentDomainWeight;
    private List<StructureSubDomain> currentSubDomains;

    private ModelBuilder() {
    }

    public static ModelBuilder aModel() {
        return new ModelBuilder();
    }

    public ModelBuilder rule(CumulationRule rule) {
        parameters = standardParameters(rule);
        return this;
    }

    public ModelBuilder element(String id, double weight) {
        closeElement();
        currentElement = id;
        currentElementWeight = weight;
        currentDomains = new ArrayList<>();
        return this;
    }

    public ModelBuilder domain(String id, double weight) {
        if (currentElement == null) {
            element("e", 1.0);
        }
        closeDomain();
        currentDomain = id;
        currentDomainWeight = weight;
        currentSubDomains = new ArrayList<>();
        return this;
    }

    public ModelBuilder subDomain(String id, double weight) {
        if (currentDomain == null) {
            domain("e.d", 1.0);
        }
        currentSubDomains.add(new StructureSubDomain(id, null, null, weight, WeightSource.PLACEHOLDER));
        return this;
    }

    /** Requirement {@code id} of {@code subDomain} at {@code level}, applicable to all. */
    public ModelBuilder requirement(String id, String subDomain, int level) {
        return requirement(id, subDomain, level, Applicability.ALL);
    }

    public ModelBuilder requirement(String id, String subDomain, int level, Applicability applicability) {
        requirements.add(new Requirement(id, subDomain, level, "statement of " + id, applicability, "test"));
        return this;
    }

    /** {@code count} requirements {@code prefix}1..{@code prefix}count of {@code subDomain} at {@code level}. */
    public ModelBuilder requirements(String prefix, int count, String subDomain, int level) {
        for (int i = 1; i <= count; i++) {
            requirement(prefix + i, subDomain, level);
        }
        return this;
    }

    public ModelBuilder evidenceRule(EvidenceRule rule) {
        rules.add(rule);
        return this;
    }

    /** The GB/T 39117 parameters as recalled in domain.md 2.2, with the given cumulation rule. */
    public static Parameters standardParameters(CumulationRule rule) {
        return new Parameters(
                Map.of(Grade.FULL, 1.0, Grade.LARGELY, 0.8, Grade.PARTLY, 0.5, Grade.NONE, 0.0),
                0.8, rule, List.of(0.8, 1.8, 2.8, 3.8, 4.8), null, null);
    }

    public MaturityModel build() {
        closeElement();
        return new MaturityModel(VERSION, null, null, parameters, elements, requirements, rules);
    }

    private void closeDomain() {
        if (currentDomain != null) {
            currentDomains.add(new StructureDomain(currentDomain, null, null, currentDomainWeight,
                    WeightSource.PLACEHOLDER, currentSubDomains));
            currentDomain = null;
        }
    }

    private void closeElement() {
        closeDomain();
        if (currentElement != null) {
            elements.add(new StructureElement(currentElement, null, null, currentElementWeight,
                    WeightSource.PLACEHOLDER, currentDomains));
            currentElement = null;
        }
    }
}

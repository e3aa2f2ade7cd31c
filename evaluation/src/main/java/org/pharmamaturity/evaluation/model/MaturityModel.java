package org.pharmamaturity.evaluation.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A versioned maturity model (DESIGN.md section 5 "model"): parameters, weighted structure, requirement
 * catalogue and evidence rules. Always valid: the constructor runs {@link ModelValidator} and throws
 * {@link ModelException} listing every problem. {@code title} and {@code description} may be null.
 *
 * <p>Extensions of the DESIGN.md shape, all optional: {@code manufacturingType}, the type of enterprise the model is
 * the default for (null: none); {@code evaluationDomains}, the five weighted evaluation domains whose equal split
 * gives W(d) (see {@link EffectiveWeights}; empty: W(d) is the product of the structure's weights);
 * {@code keyIndicators}, the indicators the smart-factory tiers compare with the sector (empty: none listed).
 */
public record MaturityModel(
        String modelVersion,
        String title,
        String description,
        ManufacturingType manufacturingType,
        Parameters parameters,
        List<StructureElement> structure,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EvaluationDomain> evaluationDomains,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<KeyIndicator> keyIndicators,
        List<Requirement> requirements,
        List<EvidenceRule> evidenceRules) {

    public MaturityModel {
        structure = List.copyOf(structure);
        evaluationDomains = evaluationDomains == null ? List.of() : List.copyOf(evaluationDomains);
        keyIndicators = keyIndicators == null ? List.of() : List.copyOf(keyIndicators);
        requirements = List.copyOf(requirements);
        evidenceRules = List.copyOf(evidenceRules);
        List<String> problems = ModelValidator.problems(modelVersion, parameters, structure, evaluationDomains,
                keyIndicators, requirements, evidenceRules);
        if (!problems.isEmpty()) {
            throw new ModelException("'" + modelVersion + "'", problems);
        }
    }

    /** A model of the DESIGN.md shape only: no manufacturing type, evaluation domains or key indicators. */
    public MaturityModel(String modelVersion, String title, String description, Parameters parameters,
                         List<StructureElement> structure, List<Requirement> requirements, List<EvidenceRule> evidenceRules) {
        this(modelVersion, title, description, null, parameters, structure, List.of(), List.of(), requirements,
                evidenceRules);
    }
}

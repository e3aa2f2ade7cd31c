package org.pharmamaturity.evaluation.model;

import java.util.List;

/**
 * A versioned maturity model (DESIGN.md section 5 "model"): parameters, weighted structure, requirement
 * catalogue and evidence rules. Always valid: the constructor runs {@link ModelValidator} and throws
 * {@link ModelException} listing every problem. {@code title} and {@code description} may be null.
 */
public record MaturityModel(
        String modelVersion,
        String title,
        String description,
        Parameters parameters,
        List<StructureElement> structure,
        List<Requirement> requirements,
        List<EvidenceRule> evidenceRules) {

    public MaturityModel {
        structure = List.copyOf(structure);
        requirements = List.copyOf(requirements);
        evidenceRules = List.copyOf(evidenceRules);
        List<String> problems = ModelValidator.problems(modelVersion, parameters, structure, requirements, evidenceRules);
        if (!problems.isEmpty()) {
            throw new ModelException("'" + modelVersion + "'", problems);
        }
    }
}

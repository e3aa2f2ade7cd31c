package org.pharmamaturity.evaluation.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W(d), the weight of each sub-domain in a level score (DESIGN.md section 4). A model with evaluation domains takes
 * W(d) = evaluation-domain weight / number of its sub-domains (decimal division: 0.42 / 6 is 0.07 exactly); a model
 * without them takes the product of element, domain and sub-domain weights. Decimal arithmetic throughout, so a
 * score on a boundary compares as written.
 */
public final class EffectiveWeights {

    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private EffectiveWeights() {
    }

    /** W(d) by sub-domain id, in the order of the structure. */
    public static Map<String, BigDecimal> of(MaturityModel model) {
        return of(model.structure(), model.evaluationDomains());
    }

    static Map<String, BigDecimal> of(List<StructureElement> structure, List<EvaluationDomain> evaluationDomains) {
        Map<String, BigDecimal> byGrouping = new LinkedHashMap<>();
        for (EvaluationDomain domain : evaluationDomains) {
            BigDecimal share = decimal(domain.weight()).divide(BigDecimal.valueOf(domain.subDomains().size()), EXACT_ENOUGH);
            domain.subDomains().forEach(subDomain -> byGrouping.put(subDomain, share));
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (StructureElement element : structure) {
            for (StructureDomain domain : element.domains()) {
                for (StructureSubDomain subDomain : domain.subDomains()) {
                    BigDecimal product = decimal(element.weight()).multiply(decimal(domain.weight()))
                            .multiply(decimal(subDomain.weight()));
                    weights.put(subDomain.subDomain(),
                            evaluationDomains.isEmpty() ? product : byGrouping.getOrDefault(subDomain.subDomain(), product));
                }
            }
        }
        return Collections.unmodifiableMap(weights);
    }

    /** The product of the structure's weights for each sub-domain, whatever grouping the model has. */
    static Map<String, BigDecimal> ofStructure(List<StructureElement> structure) {
        return of(structure, List.of());
    }

    static BigDecimal decimal(double value) {
        // valueOf uses the shortest decimal that reads back as the double, i.e. what the model file says.
        return BigDecimal.valueOf(value);
    }
}

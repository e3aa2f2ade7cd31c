package org.pharmamaturity.evaluation.sector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pharmamaturity.evaluation.scoring.MaturityResult;

/**
 * The part of an enterprise's maturity result that sector statistics use. {@code subDomainFulfilment} is, per
 * sub-domain, the mean of its verified D(k, d) over the levels it takes part in (each level counting once),
 * in [0, 1]; sub-domains taking part in no level are absent.
 */
public record EnterpriseSummary(String enterpriseId, double verifiedScore, int verifiedLevel, double declaredScore,
                                boolean hasContradiction, Map<String, Double> subDomainFulfilment) {

    public EnterpriseSummary {
        subDomainFulfilment = Collections.unmodifiableMap(new LinkedHashMap<>(subDomainFulfilment));
    }

    /** The summary of one result. */
    public static EnterpriseSummary of(MaturityResult result) {
        Map<String, Double> fulfilment = new LinkedHashMap<>();
        result.verified().subDomainScores().forEach((subDomain, scores) -> {
            List<Double> present = scores.stream().filter(Objects::nonNull).toList();
            if (!present.isEmpty()) {
                fulfilment.put(subDomain, present.stream().mapToDouble(Double::doubleValue).sum() / present.size());
            }
        });
        return new EnterpriseSummary(result.enterpriseId(), result.verified().score(), result.verified().level(),
                result.declared().score(), !result.contradictions().isEmpty(), fulfilment);
    }
}

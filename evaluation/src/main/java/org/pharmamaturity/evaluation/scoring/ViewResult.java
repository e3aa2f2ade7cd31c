package org.pharmamaturity.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one view (declared or verified): L(1)..L(5), S, the level, which levels are met, and per
 * sub-domain D(1..5, d), with {@code null} where the sub-domain takes no part in that level.
 */
public record ViewResult(List<Double> levelScores, double score, int level, List<Boolean> levelsMet,
                         Map<String, List<Double>> subDomainScores) {

    public ViewResult {
        levelScores = List.copyOf(levelScores);
        levelsMet = List.copyOf(levelsMet);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        // D(k, d) lists hold nulls for levels a sub-domain takes no part in, so List.copyOf cannot be used.
        subDomainScores.forEach((subDomain, scores) -> copy.put(subDomain, Collections.unmodifiableList(new ArrayList<>(scores))));
        subDomainScores = Collections.unmodifiableMap(copy);
    }
}

package org.pharmamaturity.evaluation.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pharmamaturity.evaluation.model.EffectiveWeights;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.Parameters;
import org.pharmamaturity.evaluation.model.Requirement;

/**
 * The arithmetic of DESIGN.md section 4 for one view: D(k, d) = mean grade of d's requirements at level k;
 * L(k) = sum W(d) D(k, d) / sum W(d) over the sub-domains taking part in level k, W(d) from
 * {@link EffectiveWeights}; then S and the level by {@link TotalScore}.
 *
 * <p>Decimal arithmetic: grades, weights and thresholds are decimals in the model file, so sums and products
 * are exact and a score on a boundary (all LARGELY gives exactly 0.8) compares as written. Only the two
 * divisions round, at 34 significant digits. A level in which no sub-domain takes part (every requirement
 * NOT_APPLICABLE, or none in the catalogue) scores L(k) = 0 and is not met: nothing was shown at that level.
 */
final class LevelScoreCalculator {

    static final int LEVELS = 5;
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private final List<String> subDomains = new ArrayList<>();
    private final BigDecimal[] weights;
    private final int[] requirementSubDomain;
    private final int[] requirementLevel;
    private final Map<Grade, BigDecimal> gradeValues = new EnumMap<>(Grade.class);
    private final BigDecimal passMark;
    private final List<BigDecimal> thresholds;
    private final Parameters parameters;

    LevelScoreCalculator(MaturityModel model) {
        Map<String, BigDecimal> effective = EffectiveWeights.of(model);
        subDomains.addAll(effective.keySet());
        weights = effective.values().toArray(BigDecimal[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int d = 0; d < subDomains.size(); d++) {
            index.put(subDomains.get(d), d);
        }
        List<Requirement> requirements = model.requirements();
        requirementSubDomain = new int[requirements.size()];
        requirementLevel = new int[requirements.size()];
        for (int i = 0; i < requirements.size(); i++) {
            requirementSubDomain[i] = index.get(requirements.get(i).subDomain());
            requirementLevel[i] = requirements.get(i).level();
        }
        parameters = model.parameters();
        for (Grade grade : Grade.SCORED) {
            gradeValues.put(grade, decimal(parameters.valueOf(grade)));
        }
        passMark = decimal(parameters.passMark());
        thresholds = parameters.levelThresholds().stream().map(LevelScoreCalculator::decimal).toList();
    }

    /**
     * Scores one view. {@code grades[i]} is the grade of the model's i-th requirement; {@code null} or
     * NOT_APPLICABLE leaves the requirement out.
     */
    ViewResult compute(Grade[] grades) {
        int subDomainCount = subDomains.size();
        BigDecimal[][] sums = new BigDecimal[subDomainCount][LEVELS];
        int[][] counts = new int[subDomainCount][LEVELS];
        for (int i = 0; i < grades.length; i++) {
            Grade grade = grades[i];
            if (grade == null || !grade.scored()) {
                continue;
            }
            int d = requirementSubDomain[i];
            int k = requirementLevel[i] - 1;
            BigDecimal value = gradeValues.get(grade);
            sums[d][k] = sums[d][k] == null ? value : sums[d][k].add(value);
            counts[d][k]++;
        }
        List<BigDecimal> levelScores = new ArrayList<>(LEVELS);
        Map<String, List<Double>> subDomainScores = new LinkedHashMap<>();
        for (String subDomain : subDomains) {
            subDomainScores.put(subDomain, new ArrayList<>(LEVELS));
        }
        for (int k = 0; k < LEVELS; k++) {
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weightSum = BigDecimal.ZERO;
            for (int d = 0; d < subDomainCount; d++) {
                if (counts[d][k] == 0) {
                    subDomainScores.get(subDomains.get(d)).add(null);
                    continue;
                }
                BigDecimal mean = sums[d][k].divide(BigDecimal.valueOf(counts[d][k]), EXACT_ENOUGH);
                subDomainScores.get(subDomains.get(d)).add(mean.doubleValue());
                weighted = weighted.add(weights[d].multiply(mean));
                weightSum = weightSum.add(weights[d]);
            }
            levelScores.add(weightSum.signum() == 0 ? BigDecimal.ZERO : weighted.divide(weightSum, EXACT_ENOUGH));
        }
        BigDecimal score = TotalScore.score(levelScores, passMark, parameters.cumulationRule());
        return new ViewResult(
                levelScores.stream().map(BigDecimal::doubleValue).toList(),
                score.doubleValue(),
                TotalScore.level(score, thresholds),
                levelScores.stream().map(l -> l.compareTo(passMark) >= 0).toList(),
                subDomainScores);
    }

    private static BigDecimal decimal(double value) {
        // valueOf uses the shortest decimal that reads back as the double, i.e. what the model file says.
        return BigDecimal.valueOf(value);
    }
}

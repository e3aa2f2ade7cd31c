package org.pharmamaturity.evaluation.scoring;

import java.math.BigDecimal;
import java.util.List;

import org.pharmamaturity.evaluation.model.CumulationRule;

/**
 * From level scores to the total score S and the level (DESIGN.md section 4, domain.md 2.2 (d) and (e)).
 * Exact decimal arithmetic, so that a score on a boundary of the level table compares as written.
 */
public final class TotalScore {

    private TotalScore() {
    }

    /**
     * S from L(1)..L(5): m is the first level with L(m) below the pass mark (5 if none); rule A sums
     * L(1)..L(m), rule B gives (m - 1) + L(m).
     */
    public static BigDecimal score(List<BigDecimal> levelScores, BigDecimal passMark, CumulationRule rule) {
        int m = levelScores.size();
        for (int k = 1; k <= levelScores.size(); k++) {
            if (levelScores.get(k - 1).compareTo(passMark) < 0) {
                m = k;
                break;
            }
        }
        if (rule == CumulationRule.B) {
            return BigDecimal.valueOf(m - 1L).add(levelScores.get(m - 1));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; k <= m; k++) {
            sum = sum.add(levelScores.get(k - 1));
        }
        return sum;
    }

    /** The level of S: the number of thresholds S reaches (0 below the first, "not yet level 1"). */
    public static int level(BigDecimal score, List<BigDecimal> thresholds) {
        int level = 0;
        for (BigDecimal threshold : thresholds) {
            if (score.compareTo(threshold) >= 0) {
                level++;
            }
        }
        return level;
    }
}

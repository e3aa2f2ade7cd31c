package org.pharmamaturity.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pharmamaturity.evaluation.model.CumulationRule;

class TotalScoreTest {

    private static final BigDecimal PASS_MARK = new BigDecimal("0.8");
    private static final List<BigDecimal> THRESHOLDS = decimals("0.8", "1.8", "2.8", "3.8", "4.8");

    @Test
    void firstWorkedExampleOfDomainNoteUnderRuleA() {
        // L4 = 0.61 < 0.8 is the first unmet level, m = 4: S = 1.0 + 0.92 + 0.85 + 0.61 = 3.38; 2.8 <= 3.38 < 3.8 -> 3
        BigDecimal s = TotalScore.score(decimals("1.0", "0.92", "0.85", "0.61", "0.4"), PASS_MARK, CumulationRule.A);
        assertThat(s).isEqualByComparingTo("3.38");
        assertThat(TotalScore.level(s, THRESHOLDS)).isEqualTo(3);
    }

    @Test
    void firstWorkedExampleOfDomainNoteUnderRuleB() {
        // m = 4: S = (4 - 1) + L4 = 3 + 0.61 = 3.61 -> level 3
        BigDecimal s = TotalScore.score(decimals("1.0", "0.92", "0.85", "0.61", "0.4"), PASS_MARK, CumulationRule.B);
        assertThat(s).isEqualByComparingTo("3.61");
        assertThat(TotalScore.level(s, THRESHOLDS)).isEqualTo(3);
    }

    @Test
    void secondWorkedExampleIsLevel2UnderRuleAAndLevel3UnderRuleB() {
        List<BigDecimal> levels = decimals("0.85", "0.82", "0.81", "0.30", "0");
        // A: 0.85 + 0.82 + 0.81 + 0.30 = 2.78 < 2.8 -> level 2, although L1..L3 are met
        BigDecimal a = TotalScore.score(levels, PASS_MARK, CumulationRule.A);
        assertThat(a).isEqualByComparingTo("2.78");
        assertThat(TotalScore.level(a, THRESHOLDS)).isEqualTo(2);
        // B: (4 - 1) + 0.30 = 3.30 -> level 3
        BigDecimal b = TotalScore.score(levels, PASS_MARK, CumulationRule.B);
        assertThat(b).isEqualByComparingTo("3.30");
        assertThat(TotalScore.level(b, THRESHOLDS)).isEqualTo(3);
    }

    @Test
    void allLevelsMetAddsAllFiveLevels() {
        // m = 5 (none unmet): A: 1 + 1 + 0.9 + 0.9 + 0.85 = 4.65; B: 4 + 0.85 = 4.85
        List<BigDecimal> levels = decimals("1", "1", "0.9", "0.9", "0.85");
        assertThat(TotalScore.score(levels, PASS_MARK, CumulationRule.A)).isEqualByComparingTo("4.65");
        assertThat(TotalScore.score(levels, PASS_MARK, CumulationRule.B)).isEqualByComparingTo("4.85");
    }

    @Test
    void aLevelMetAboveAFailedOneDoesNotCount() {
        // L1 = 0.7 fails, m = 1: A: S = 0.7; B: S = 0 + 0.7 = 0.7; the fully met L2..L5 add nothing -> level 0
        List<BigDecimal> levels = decimals("0.7", "1", "1", "1", "1");
        assertThat(TotalScore.score(levels, PASS_MARK, CumulationRule.A)).isEqualByComparingTo("0.7");
        assertThat(TotalScore.score(levels, PASS_MARK, CumulationRule.B)).isEqualByComparingTo("0.7");
        assertThat(TotalScore.level(new BigDecimal("0.7"), THRESHOLDS)).isZero();
    }

    @Test
    void aLevelExactlyAtThePassMarkIsMet() {
        // L1 = 0.8 is met (>= 0.8), L2 = 0.5 is the first unmet: A: 0.8 + 0.5 = 1.3
        assertThat(TotalScore.score(decimals("0.8", "0.5", "1", "1", "1"), PASS_MARK, CumulationRule.A))
                .isEqualByComparingTo("1.3");
        // L1 just below 0.8 is unmet: A stops at L1
        assertThat(TotalScore.score(decimals("0.7999999999", "0.5", "1", "1", "1"), PASS_MARK, CumulationRule.A))
                .isEqualByComparingTo("0.7999999999");
    }

    @ParameterizedTest(name = "S = {0} -> level {1}")
    @CsvSource({
            "0, 0",
            "0.7999999999, 0",
            "0.8, 1",
            "1.7999999999, 1",
            "1.8, 2",
            "2.7999999999, 2",
            "2.8, 3",
            "3.7999999999, 3",
            "3.8, 4",
            "4.7999999999, 4",
            "4.8, 5",
            "5, 5"})
    void levelTableBoundaries(String score, int level) {
        assertThat(TotalScore.level(new BigDecimal(score), THRESHOLDS)).isEqualTo(level);
    }

    private static List<BigDecimal> decimals(String... values) {
        return List.of(values).stream().map(BigDecimal::new).toList();
    }
}

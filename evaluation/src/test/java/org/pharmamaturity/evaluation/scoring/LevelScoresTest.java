package org.pharmamaturity.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pharmamaturity.evaluation.model.Grade.FULL;
import static org.pharmamaturity.evaluation.model.Grade.LARGELY;
import static org.pharmamaturity.evaluation.model.Grade.NONE;
import static org.pharmamaturity.evaluation.model.Grade.NOT_APPLICABLE;
import static org.pharmamaturity.evaluation.model.Grade.PARTLY;
import static org.pharmamaturity.evaluation.model.ModelBuilder.aModel;
import static org.pharmamaturity.evaluation.scoring.AssessmentBuilder.anAssessment;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.CumulationRule;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.Requirement;

/** D(k, d), L(k), S and level from graded requirements: DESIGN.md section 4 worked by hand. */
class LevelScoresTest {

    private static final double TOLERANCE = 1e-12;

    /** One sub-domain "a" with 1, 5, 4, 10 and 1 requirements at levels 1 to 5 (L1x, L2x, ...). */
    private static MaturityModel workedExampleModel(CumulationRule rule) {
        return aModel().rule(rule).subDomain("a", 1.0)
                .requirements("L1-", 1, "a", 1)
                .requirements("L2-", 5, "a", 2)
                .requirements("L3-", 4, "a", 3)
                .requirements("L4-", 10, "a", 4)
                .requirements("L5-", 1, "a", 5)
                .build();
    }

    private static Assessment firstWorkedExample() {
        return anAssessment()
                .grades("L1-", FULL)                                        // 1/1 = 1.0
                .grades("L2-", FULL, FULL, FULL, LARGELY, LARGELY)           // (3 + 1.6) / 5 = 0.92
                .grades("L3-", FULL, LARGELY, LARGELY, LARGELY)              // (1 + 2.4) / 4 = 0.85
                .grades("L4-", FULL, FULL, FULL, LARGELY, LARGELY, PARTLY, PARTLY, PARTLY, NONE, NONE) // (3 + 1.6 + 1.5) / 10 = 0.61
                .grades("L5-", NONE)                                        // 0
                .build();
    }

    @Test
    void firstWorkedExampleFromGradesUnderRuleA() {
        ViewResult view = new MaturityScorer(workedExampleModel(CumulationRule.A)).score(firstWorkedExample(), null).declared();
        assertLevelScores(view, 1.0, 0.92, 0.85, 0.61, 0.0);
        assertThat(view.levelsMet()).containsExactly(true, true, true, false, false);
        // S = 1.0 + 0.92 + 0.85 + 0.61 = 3.38 -> level 3
        assertThat(view.score()).isCloseTo(3.38, within(TOLERANCE));
        assertThat(view.level()).isEqualTo(3);
    }

    @Test
    void firstWorkedExampleFromGradesUnderRuleB() {
        ViewResult view = new MaturityScorer(workedExampleModel(CumulationRule.B)).score(firstWorkedExample(), null).declared();
        // S = (4 - 1) + 0.61 = 3.61 -> level 3
        assertThat(view.score()).isCloseTo(3.61, within(TOLERANCE));
        assertThat(view.level()).isEqualTo(3);
    }

    @Test
    void secondWorkedExampleFromGrades() {
        MaturityModel modelA = aModel().subDomain("a", 1.0)
                .requirements("L1-", 4, "a", 1).requirements("L2-", 5, "a", 2)
                .requirements("L3-", 10, "a", 3).requirements("L4-", 5, "a", 4).build();
        Assessment assessment = anAssessment()
                .grades("L1-", FULL, LARGELY, LARGELY, LARGELY)                  // (1 + 2.4) / 4 = 0.85
                .grades("L2-", FULL, FULL, LARGELY, LARGELY, PARTLY)              // (2 + 1.6 + 0.5) / 5 = 0.82
                .grades("L3-", FULL, FULL, FULL, FULL, FULL, LARGELY, LARGELY, PARTLY, PARTLY, PARTLY) // (5 + 1.6 + 1.5) / 10 = 0.81
                .grades("L4-", FULL, PARTLY, NONE, NONE, NONE)                    // 1.5 / 5 = 0.30
                .build();
        ViewResult a = new MaturityScorer(modelA).score(assessment, null).declared();
        assertLevelScores(a, 0.85, 0.82, 0.81, 0.30, 0.0);
        // A: 0.85 + 0.82 + 0.81 + 0.30 = 2.78 -> level 2
        assertThat(a.score()).isCloseTo(2.78, within(TOLERANCE));
        assertThat(a.level()).isEqualTo(2);

        MaturityModel modelB = aModel().rule(CumulationRule.B).subDomain("a", 1.0)
                .requirements("L1-", 4, "a", 1).requirements("L2-", 5, "a", 2)
                .requirements("L3-", 10, "a", 3).requirements("L4-", 5, "a", 4).build();
        ViewResult b = new MaturityScorer(modelB).score(assessment, null).declared();
        // B: (4 - 1) + 0.30 = 3.30 -> level 3
        assertThat(b.score()).isCloseTo(3.30, within(TOLERANCE));
        assertThat(b.level()).isEqualTo(3);
    }

    @Test
    void sparseCatalogueRenormalisesOverTheSubDomainsTakingPart() {
        // b has no level-1 requirement, so L1 = D(1, a) alone; L2 = (0.5 x 0.5 + 0.5 x 1.0) / (0.5 + 0.5) = 0.75
        MaturityModel model = aModel().subDomain("a", 0.5).subDomain("b", 0.5)
                .requirement("A1", "a", 1).requirement("A2", "a", 2).requirement("B2", "b", 2).build();
        ViewResult view = new MaturityScorer(model)
                .score(anAssessment().grade(FULL, "A1", "B2").grade(PARTLY, "A2").build(), null).declared();
        assertLevelScores(view, 1.0, 0.75, 0.0, 0.0, 0.0);
        assertThat(view.subDomainScores().get("b")).containsExactly(null, 1.0, null, null, null);
        // L1 met, L2 = 0.75 unmet: S = 1.0 + 0.75 = 1.75 -> level 1
        assertThat(view.score()).isCloseTo(1.75, within(TOLERANCE));
        assertThat(view.level()).isEqualTo(1);
    }

    @Test
    void notApplicableAnswersAreLeftOut() {
        // B2 not applicable: b takes no part in level 2, L2 = D(2, a) = (1 + 0.5) / 2 = 0.75
        MaturityModel model = aModel().subDomain("a", 0.5).subDomain("b", 0.5)
                .requirement("A2a", "a", 2).requirement("A2b", "a", 2).requirement("B2", "b", 2).build();
        ViewResult view = new MaturityScorer(model).score(anAssessment()
                .grade(FULL, "A2a").grade(PARTLY, "A2b").grade(NOT_APPLICABLE, "B2").build(), null).declared();
        assertThat(view.levelScores().get(1)).isCloseTo(0.75, within(TOLERANCE));
        assertThat(view.subDomainScores().get("b").get(1)).isNull();
    }

    @Test
    void aLevelWithNoSubDomainTakingPartScoresZeroAndIsNotMet() {
        // Level 1 exists only as B1, answered NOT_APPLICABLE: no sub-domain takes part -> L1 = 0, not met, S = 0
        MaturityModel model = aModel().subDomain("a", 1.0)
                .requirement("B1", "a", 1).requirement("A2", "a", 2).build();
        ViewResult view = new MaturityScorer(model).score(anAssessment()
                .grade(NOT_APPLICABLE, "B1").grade(FULL, "A2").build(), null).declared();
        assertThat(view.levelScores()).containsExactly(0.0, 1.0, 0.0, 0.0, 0.0);
        assertThat(view.levelsMet().get(0)).isFalse();
        assertThat(view.score()).isZero();
        assertThat(view.level()).isZero();
    }

    @Test
    void unansweredRequirementsCountAsNone() {
        // A1b has no answer: D(1, a) = (1 + 0) / 2 = 0.5
        MaturityModel model = aModel().subDomain("a", 1.0).requirement("A1a", "a", 1).requirement("A1b", "a", 1).build();
        MaturityResult result = new MaturityScorer(model).score(anAssessment().grade(FULL, "A1a").build(), null);
        assertThat(result.declared().levelScores().get(0)).isCloseTo(0.5, within(TOLERANCE));
        assertThat(result.requirements()).filteredOn(r -> r.requirementId().equals("A1b"))
                .singleElement().satisfies(r -> assertThat(r.declaredGrade()).isEqualTo(NONE));
    }

    @Test
    void unequalWeightsMultiplyAcrossTiers() {
        // W(x1) = 0.6 x 1 x 0.75 = 0.45, W(x2) = 0.6 x 1 x 0.25 = 0.15, W(y1) = 0.4 x 1 x 1 = 0.4
        MaturityModel model = aModel()
                .element("x", 0.6).domain("x.d", 1.0).subDomain("x1", 0.75).subDomain("x2", 0.25)
                .element("y", 0.4).domain("y.d", 1.0).subDomain("y1", 1.0)
                .requirement("X1-1", "x1", 1).requirement("X2-1", "x2", 1).requirement("Y1-1", "y1", 1)
                .requirement("X1-2", "x1", 2).requirement("Y1-2", "y1", 2)
                .build();
        ViewResult view = new MaturityScorer(model).score(anAssessment()
                .grade(FULL, "X1-1", "Y1-2").grade(NONE, "X2-1").grade(PARTLY, "Y1-1").grade(LARGELY, "X1-2")
                .build(), null).declared();
        // L1 = (0.45 x 1 + 0.15 x 0 + 0.4 x 0.5) / 1.0 = 0.65
        assertThat(view.levelScores().get(0)).isCloseTo(0.65, within(TOLERANCE));
        // L2 (x2 takes no part) = (0.45 x 0.8 + 0.4 x 1) / (0.45 + 0.4) = 0.76 / 0.85 = 0.894117647058823...
        assertThat(view.levelScores().get(1)).isCloseTo(0.76 / 0.85, within(TOLERANCE));
        // L1 unmet: S = 0.65 -> level 0
        assertThat(view.score()).isCloseTo(0.65, within(TOLERANCE));
        assertThat(view.level()).isZero();
    }

    @Test
    void scoresExactlyOnEachLevelBoundaryReachTheLevel() {
        // One requirement per level; FULL levels score 1, the LARGELY level exactly 0.8 (met), the NONE level 0.
        MaturityModel model = aModel().subDomain("a", 1.0)
                .requirement("R1", "a", 1).requirement("R2", "a", 2).requirement("R3", "a", 3)
                .requirement("R4", "a", 4).requirement("R5", "a", 5).build();
        MaturityScorer scorer = new MaturityScorer(model);
        // 0.8 (+ 0 after it) -> 1; 1 + 0.8 = 1.8 -> 2; 1 + 1 + 0.8 = 2.8 -> 3; 3.8 -> 4; 4.8 -> 5
        assertThat(boundary(scorer, LARGELY, NONE, NONE, NONE, NONE)).isEqualTo(1);
        assertThat(boundary(scorer, FULL, LARGELY, NONE, NONE, NONE)).isEqualTo(2);
        assertThat(boundary(scorer, FULL, FULL, LARGELY, NONE, NONE)).isEqualTo(3);
        assertThat(boundary(scorer, FULL, FULL, FULL, LARGELY, NONE)).isEqualTo(4);
        assertThat(boundary(scorer, FULL, FULL, FULL, FULL, LARGELY)).isEqualTo(5);
    }

    @Test
    void scoresJustBelowEachBoundaryStayOneLevelLower() {
        // Ten requirements per level; the last scored level gets 4 FULL, 3 LARGELY, 3 PARTLY:
        // (4 + 2.4 + 1.5) / 10 = 0.79, so S = (k - 1) + 0.79 is just below each boundary
        MaturityModel model = aModel().subDomain("a", 1.0)
                .requirements("A", 10, "a", 1).requirements("B", 10, "a", 2).requirements("C", 10, "a", 3)
                .requirements("D", 10, "a", 4).requirements("E", 10, "a", 5).build();
        MaturityScorer scorer = new MaturityScorer(model);
        String[] prefixes = {"A", "B", "C", "D", "E"};
        for (int k = 1; k <= 5; k++) {
            AssessmentBuilder builder = anAssessment();
            for (int level = 1; level < k; level++) {
                builder.grades(prefixes[level - 1], tenOf(FULL));
            }
            builder.grades(prefixes[k - 1], FULL, FULL, FULL, FULL, LARGELY, LARGELY, LARGELY, PARTLY, PARTLY, PARTLY);
            ViewResult view = scorer.score(builder.build(), null).declared();
            assertThat(view.score()).isCloseTo(k - 1 + 0.79, within(TOLERANCE));
            assertThat(view.level()).as("S = %s", view.score()).isEqualTo(k - 1);
        }
    }

    @Test
    void allLargelyOnTheReferenceModelMeetsEveryLevelDespiteWeightsLikeOneThird() {
        // Every D(k, d) = 0.8, so every L(k) = sum W x 0.8 / sum W = 0.8 exactly (weights 1/3 and 1/7 included):
        // all five levels met, S = 5 x 0.8 = 4.0 -> level 4
        MaturityModel reference = ModelLoader.reference();
        AssessmentBuilder builder = anAssessment().modelVersion(reference.modelVersion());
        builder.grade(LARGELY, reference.requirements().stream().map(Requirement::requirementId).toArray(String[]::new));
        ViewResult view = new MaturityScorer(reference).score(builder.build(), null).declared();
        assertThat(view.levelScores()).containsExactly(0.8, 0.8, 0.8, 0.8, 0.8);
        assertThat(view.levelsMet()).containsOnly(true);
        assertThat(view.score()).isEqualTo(4.0);
        assertThat(view.level()).isEqualTo(4);
    }

    private static void assertLevelScores(ViewResult view, double... expected) {
        assertThat(view.levelScores()).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(view.levelScores().get(k)).as("L%d", k + 1).isCloseTo(expected[k], within(TOLERANCE));
        }
    }

    private static int boundary(MaturityScorer scorer, Grade... grades) {
        return scorer.score(anAssessment().grades("R", grades).build(), null).declared().level();
    }

    private static Grade[] tenOf(Grade grade) {
        Grade[] grades = new Grade[10];
        Arrays.fill(grades, grade);
        return grades;
    }
}

package org.pharmamaturity.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiValue;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelReader;
import org.pharmamaturity.evaluation.model.ModelWriter;
import org.pharmamaturity.evaluation.model.Parameters;

/** Properties of the scoring over random answers and KPIs on the full reference catalogue. */
class ScoringPropertiesTest {

    private static final MaturityModel REFERENCE = ModelLoader.reference();
    private static final MaturityScorer SCORER = new MaturityScorer(REFERENCE);
    private static final Parameters PARAMETERS = REFERENCE.parameters();
    private static final int REQUIREMENTS = REFERENCE.requirements().size();
    private static final List<String> RULE_INDICATORS = REFERENCE.evidenceRules().stream()
            .map(rule -> rule.indicator()).distinct().toList();

    /** Grade per requirement; null means unanswered. */
    @Provide
    Arbitrary<List<Grade>> answers() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(Grade.FULL, Grade.LARGELY, Grade.PARTLY, Grade.NONE)),
                Tuple.of(1, Arbitraries.of(Grade.NOT_APPLICABLE)),
                Tuple.of(1, Arbitraries.just((Grade) null)))
                .list().ofSize(REQUIREMENTS);
    }

    @Provide
    Arbitrary<KpiSnapshot> kpis() {
        Arbitrary<KpiValue> value = Combinators.combine(
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1))
                .as((v, coverage) -> new KpiValue(v, coverage, "P30D"));
        return value.optional().list().ofSize(RULE_INDICATORS.size()).map(values -> {
            Map<String, KpiValue> map = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                int index = i;
                values.get(i).ifPresent(v -> map.put(RULE_INDICATORS.get(index), scaled(RULE_INDICATORS.get(index), v)));
            }
            return new KpiSnapshot("ent-1", Instant.parse("2025-07-01T00:00:00Z"), map);
        });
    }

    @Property
    void scoresStayWithinTheirRanges(@ForAll("answers") List<Grade> answers, @ForAll("kpis") KpiSnapshot kpis) {
        MaturityResult result = SCORER.score(assessment(answers), kpis);
        for (ViewResult view : List.of(result.declared(), result.verified())) {
            assertThat(view.score()).isBetween(0.0, 5.0);
            assertThat(view.level()).isBetween(0, 5);
            assertThat(view.levelScores()).allSatisfy(l -> assertThat(l).isBetween(0.0, 1.0));
        }
        assertThat(result.evidenceCoverage()).isBetween(0.0, 1.0);
        assertThat(result.confirmationRatio()).isBetween(0.0, 1.0);
    }

    @Property
    void raisingAnyGradeNeverLowersTheScore(@ForAll("answers") List<Grade> answers, @ForAll("kpis") KpiSnapshot kpis,
                                            @ForAll("index") int index, @ForAll("scored") Grade raised) {
        Grade before = answers.get(index) == null ? Grade.NONE : answers.get(index);
        Assume.that(before.scored() && PARAMETERS.valueOf(raised) > PARAMETERS.valueOf(before));
        List<Grade> higher = new ArrayList<>(answers);
        higher.set(index, raised);
        MaturityResult low = SCORER.score(assessment(answers), kpis);
        MaturityResult high = SCORER.score(assessment(higher), kpis);
        assertThat(high.declared().score()).isGreaterThanOrEqualTo(low.declared().score());
        assertThat(high.verified().score()).isGreaterThanOrEqualTo(low.verified().score());
    }

    @Property
    void verifiedNeverExceedsDeclared(@ForAll("answers") List<Grade> answers, @ForAll("kpis") KpiSnapshot kpis) {
        MaturityResult result = SCORER.score(assessment(answers), kpis);
        result.requirements().stream().filter(r -> r.declaredGrade().scored()).forEach(r ->
                assertThat(PARAMETERS.valueOf(r.verifiedGrade())).isLessThanOrEqualTo(PARAMETERS.valueOf(r.declaredGrade())));
        assertThat(result.verified().score()).isLessThanOrEqualTo(result.declared().score());
        assertThat(result.verified().level()).isLessThanOrEqualTo(result.declared().level());
    }

    @Property(tries = 200)
    void aModelReloadedFromItsOwnJsonScoresIdentically(@ForAll("answers") List<Grade> answers, @ForAll("kpis") KpiSnapshot kpis) {
        MaturityModel reloaded = ModelReader.read(ModelWriter.toJson(REFERENCE), "written reference");
        assertThat(reloaded).isEqualTo(REFERENCE);
        assertThat(new MaturityScorer(reloaded).score(assessment(answers), kpis)).isEqualTo(SCORER.score(assessment(answers), kpis));
    }

    @Provide
    Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, REQUIREMENTS - 1);
    }

    @Provide
    Arbitrary<Grade> scored() {
        return Arbitraries.of(Grade.FULL, Grade.LARGELY, Grade.PARTLY);
    }

    private static KpiValue scaled(String indicator, KpiValue value) {
        // ratios live in [0, 1]; deviations per 100 batches range up to 50
        return indicator.equals(Indicators.DEVIATIONS_PER_100_BATCHES)
                ? new KpiValue(value.value() * 50, value.coverage(), value.window()) : value;
    }

    private static Assessment assessment(List<Grade> grades) {
        AssessmentBuilder builder = AssessmentBuilder.anAssessment().modelVersion(REFERENCE.modelVersion());
        for (int i = 0; i < grades.size(); i++) {
            if (grades.get(i) != null) {
                builder.grade(grades.get(i), REFERENCE.requirements().get(i).requirementId());
            }
        }
        return builder.build();
    }
}

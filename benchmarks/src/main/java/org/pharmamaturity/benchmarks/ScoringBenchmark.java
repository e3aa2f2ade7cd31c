package org.pharmamaturity.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiValue;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.Requirement;
import org.pharmamaturity.evaluation.scoring.Answer;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.evaluation.scoring.EnterpriseProfile;
import org.pharmamaturity.evaluation.scoring.MaturityResult;
import org.pharmamaturity.evaluation.scoring.MaturityScorer;
import org.pharmamaturity.evaluation.sector.SectorStatistics;

/**
 * Scores 1,000 enterprises with the full reference catalogue (98 requirements, 14 evidence rules): one operation
 * is the whole population, so the reported time is the time per 1,000 enterprises (issue 3: well under a second).
 * Answers and KPIs are mixed and realistic: each enterprise has its own maturity, higher levels are met less often,
 * a few answers are NOT_APPLICABLE or missing, and KPI values and coverages vary so that every evidence status occurs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScoringBenchmark {

    private static final int ENTERPRISES = 1_000;
    private static final Instant AS_OF = Instant.parse("2025-07-01T00:00:00Z");
    private static final String[] SECTORS = {"C271", "C272", "C274", "C276"};

    private MaturityScorer scorer;
    private final List<Assessment> assessments = new ArrayList<>();
    private final List<KpiSnapshot> snapshots = new ArrayList<>();
    private final List<EnterpriseProfile> profiles = new ArrayList<>();
    private List<MaturityResult> results;

    @Setup
    public void setUp() {
        MaturityModel model = ModelLoader.reference();
        scorer = new MaturityScorer(model);
        Random random = new Random(20250701L);
        for (int i = 0; i < ENTERPRISES; i++) {
            String enterpriseId = String.format("ENT-%04d", i);
            assessments.add(assessment(model, enterpriseId, random));
            snapshots.add(kpis(enterpriseId, random));
            profiles.add(new EnterpriseProfile(SECTORS[i % SECTORS.length],
                    i % 5 == 0 ? ManufacturingType.MIXED : ManufacturingType.PROCESS));
        }
        results = scoreAll();
    }

    /** Score 1,000 enterprises (both views, evidence rules, contradictions). */
    @Benchmark
    public void scoreThousandEnterprises(Blackhole blackhole) {
        for (int i = 0; i < ENTERPRISES; i++) {
            blackhole.consume(scorer.score(assessments.get(i), snapshots.get(i), profiles.get(i)));
        }
    }

    /** Sector statistics over the 1,000 results, the work of one full sector recomputation. */
    @Benchmark
    public SectorStatistics sectorStatisticsOfThousandScoredEnterprises() {
        return SectorStatistics.ofResults("ALL", AS_OF, results);
    }

    private List<MaturityResult> scoreAll() {
        List<MaturityResult> scored = new ArrayList<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            scored.add(scorer.score(assessments.get(i), snapshots.get(i), profiles.get(i)));
        }
        return scored;
    }

    private static Assessment assessment(MaturityModel model, String enterpriseId, Random random) {
        double maturity = 0.2 + 0.75 * random.nextDouble();
        List<Answer> answers = new ArrayList<>();
        for (Requirement requirement : model.requirements()) {
            double roll = random.nextDouble();
            if (roll < 0.03) {
                continue;
            }
            if (roll < 0.06) {
                answers.add(new Answer(requirement.requirementId(), Grade.NOT_APPLICABLE, null));
                continue;
            }
            // the chance of meeting a requirement falls with its level
            double chance = maturity - 0.15 * (requirement.level() - 1) + 0.2 * (random.nextDouble() - 0.5);
            Grade grade = chance > 0.75 ? Grade.FULL : chance > 0.5 ? Grade.LARGELY : chance > 0.25 ? Grade.PARTLY : Grade.NONE;
            answers.add(new Answer(requirement.requirementId(), grade, "evidence " + requirement.requirementId()));
        }
        return new Assessment("SUB-" + enterpriseId, enterpriseId, model.modelVersion(), AS_OF.minusSeconds(86_400), answers);
    }

    private static KpiSnapshot kpis(String enterpriseId, Random random) {
        Map<String, KpiValue> values = new LinkedHashMap<>();
        put(values, random, Indicators.OEE, 0.25 + 0.6 * random.nextDouble());
        put(values, random, Indicators.AVAILABILITY, 0.5 + 0.45 * random.nextDouble());
        put(values, random, Indicators.NETWORKING_RATE, random.nextDouble());
        put(values, random, Indicators.ELECTRONIC_RECORD_COVERAGE, random.nextDouble());
        put(values, random, Indicators.RIGHT_FIRST_TIME, 0.75 + 0.25 * random.nextDouble());
        put(values, random, Indicators.DEVIATIONS_PER_100_BATCHES, 40 * random.nextDouble());
        put(values, random, Indicators.COLD_CHAIN_LOGGING_COMPLIANCE, 0.8 + 0.2 * random.nextDouble());
        put(values, random, Indicators.ENERGY_METERING_COVERAGE, 0.6 + 0.4 * random.nextDouble());
        put(values, random, Indicators.MKT, 3 + 4 * random.nextDouble());
        return new KpiSnapshot(enterpriseId, AS_OF, values);
    }

    private static void put(Map<String, KpiValue> values, Random random, String indicator, double value) {
        // one indicator in ten is missing; coverage spread over [0.5, 1] so some rules lack it
        if (random.nextDouble() >= 0.1) {
            values.put(indicator, new KpiValue(value, 0.5 + 0.5 * random.nextDouble(), "P30D"));
        }
    }
}

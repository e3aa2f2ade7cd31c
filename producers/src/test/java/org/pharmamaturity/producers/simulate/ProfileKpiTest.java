package org.pharmamaturity.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.kpi.BatchOutcome;
import org.pharmamaturity.evaluation.kpi.ColdChainContext;
import org.pharmamaturity.evaluation.kpi.ColdChainSample;
import org.pharmamaturity.evaluation.kpi.ElectronicRecordCoverage;
import org.pharmamaturity.evaluation.kpi.KpiSnapshot;
import org.pharmamaturity.evaluation.kpi.KpiValue;
import org.pharmamaturity.evaluation.kpi.LoggingCompliance;
import org.pharmamaturity.evaluation.kpi.NetworkingRate;
import org.pharmamaturity.evaluation.kpi.Ratio;
import org.pharmamaturity.evaluation.model.Grade;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.scoring.Answer;
import org.pharmamaturity.evaluation.scoring.Assessment;
import org.pharmamaturity.evaluation.scoring.Contradiction;
import org.pharmamaturity.evaluation.scoring.MaturityResult;
import org.pharmamaturity.evaluation.scoring.MaturityScorer;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;

/**
 * The KPIs computed with the evaluation module's own formulas from the generated records land in the ranges
 * {@link MaturityProfile} promises, and an over-declaring level-2 plant is contradicted by its telemetry.
 */
class ProfileKpiTest {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final long DAYS = 30;
    static final MaturityModel MODEL = ModelLoader.reference();

    @Test
    void aLevelFourPlantIsNetworkedAndRecordsBatchesElectronically() {
        Observed plant = simulate(MaturityProfile.honest(4), 41);

        // level 4 networks round(0.95 x n) of n machines; with n between 4 and 18 that is at least 4/4 or 17/18 > 0.9
        assertThat(plant.networkingRate()).isGreaterThanOrEqualTo(0.9);
        assertThat(plant.networked).isEqualTo(Math.round(0.95 * plant.registered.size()));
        // each batch is electronic with p = 0.97; over about 60 batches the expected miss is 2, 0.9 allows 6
        assertThat(plant.batches()).isGreaterThanOrEqualTo(40);
        assertThat(plant.electronicRecordCoverage()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aLevelTwoPlantIsMostlyOfflineAndOnPaper() {
        Observed plant = simulate(MaturityProfile.honest(2), 42);

        // round(0.35 x n) / n stays in [0.25, 0.45] for n between 4 and 18, under the 0.5 cap of EQP-NET-CAP
        assertThat(plant.networkingRate()).isBetween(0.25, 0.45);
        // p = 0.30 per batch: about 18 of 60; 0.5 would need 30
        assertThat(plant.electronicRecordCoverage()).isLessThan(0.5);
    }

    @Test
    void aLevelTwoPlantDeclaringLevelFourIsContradictedByItsTelemetry() {
        Observed overDeclarer = simulate(new MaturityProfile(2, 4), 43);
        Observed honest = simulate(MaturityProfile.honest(4), 43);

        MaturityResult contradicted = score(overDeclarer);
        MaturityResult confirmed = score(honest);

        // both declare level 4: levels 1-4 answered FULL or LARGELY (mean >= 0.8), level 5 at most 0.5
        assertThat(contradicted.declared().level()).isEqualTo(4);
        assertThat(confirmed.declared().level()).isEqualTo(4);
        // networking below 0.5 caps equipment and network claims from level 2 up (rule EQP-NET-CAP)
        assertThat(contradicted.contradictions()).extracting(Contradiction::ruleId).contains("EQP-NET-CAP");
        assertThat(contradicted.verified().score()).isLessThan(contradicted.declared().score());
        assertThat(confirmed.contradictions()).extracting(Contradiction::ruleId).doesNotContain("EQP-NET-CAP");
    }

    @Test
    void coldChainLoggingComplianceFollowsTheGapProbability() {
        // level 4 misses a sample with p = 0.005: about 0.995 of the expected samples, above the 0.99 of LOG-GSP-CONFIRM
        assertThat(transportLoggingCompliance(MaturityProfile.honest(4), 44)).isGreaterThanOrEqualTo(0.98);
        // level 2 misses with p = 0.15: about 0.85, under the 0.9 of LOG-GSP-CAP
        assertThat(transportLoggingCompliance(MaturityProfile.honest(2), 44)).isBetween(0.75, 0.9);
    }

    /** Samples received / expected over every transport logger of a biologics plant (all its shipments at 2-8 C). */
    private static double transportLoggingCompliance(MaturityProfile profile, long seed) {
        SimulatedEnterprise enterprise = new PopulationGenerator(seed).enterprise(1, Sector.C276, profile, 1);
        PlantSimulation simulation = new PlantSimulation(List.of(enterprise), MODEL, seed, START);
        long endMs = START.plusSeconds(DAYS * 86_400).toEpochMilli();
        Map<String, List<ColdChainSample>> byShipment = new HashMap<>();
        for (SimEvent<?> event = simulation.next(); event.eventTimeMs() <= endMs; event = simulation.next()) {
            if (event.value() instanceof ColdChainReading reading && reading.getShipmentId() != null) {
                byShipment.computeIfAbsent(reading.getShipmentId(), id -> new ArrayList<>()).add(new ColdChainSample(
                        event.eventTimeMs(), reading.getTemperatureC(), reading.getLabelMinC(), reading.getLabelMaxC()));
            }
        }
        assertThat(byShipment).hasSizeGreaterThanOrEqualTo(20);
        Ratio total = byShipment.values().stream()
                .map(samples -> LoggingCompliance.compute(samples, ColdChainContext.TRANSPORT).samples())
                .reduce(Ratio.EMPTY, Ratio::plus);
        return total.value().orElseThrow();
    }

    private static MaturityResult score(Observed plant) {
        List<Answer> answers = plant.submission.getAnswers().stream()
                .map(a -> new Answer(a.getRequirementId(), Grade.valueOf(a.getGrade().name()), a.getEvidence()))
                .toList();
        Assessment assessment = new Assessment(plant.submission.getSubmissionId(), plant.submission.getEnterpriseId(),
                plant.submission.getModelVersion(), plant.submission.getSubmittedAt(), answers);
        Instant asOf = Instant.ofEpochMilli(plant.endMs);
        KpiSnapshot kpis = new KpiSnapshot(plant.submission.getEnterpriseId(), asOf, Map.of(
                "networkingRate", new KpiValue(plant.networkingRate(), 1.0, "P1D"),
                "electronicRecordCoverage", new KpiValue(plant.electronicRecordCoverage(), 1.0, "P30D")));
        return new MaturityScorer(MODEL).score(assessment, kpis);
    }

    /** Simulates one enterprise of {@code profile} for {@link #DAYS} days and tallies what the KPIs need. */
    private static Observed simulate(MaturityProfile profile, long seed) {
        SimulatedEnterprise enterprise = new PopulationGenerator(seed).enterprise(1, Sector.C272, profile, 2);
        PlantSimulation simulation = new PlantSimulation(List.of(enterprise), MODEL, seed, START);
        Observed observed = new Observed(START.plusSeconds(DAYS * 86_400).toEpochMilli());
        for (SimEvent<?> event = simulation.next(); event.eventTimeMs() <= observed.endMs; event = simulation.next()) {
            observed.add(event);
        }
        observed.networked = enterprise.equipment().stream().filter(SimulatedEquipment::networked).count();
        return observed;
    }

    private static final class Observed {
        final long endMs;
        final Set<String> registered = new HashSet<>();
        final Map<String, Long> lastReading = new HashMap<>();
        final Map<String, BatchStatus> finalStatus = new HashMap<>();
        final Set<String> deviatedBatches = new HashSet<>();
        SelfAssessmentSubmission submission;
        long networked;

        Observed(long endMs) {
            this.endMs = endMs;
        }

        void add(SimEvent<?> event) {
            switch (event.value()) {
                case Equipment equipment -> registered.add(equipment.getEquipmentId());
                case EquipmentTelemetry telemetry -> lastReading.put(telemetry.getEquipmentId(), event.eventTimeMs());
                case BatchStatus status when status.getStatus() == BatchState.RELEASED
                        || status.getStatus() == BatchState.REJECTED -> finalStatus.put(status.getBatchId(), status);
                case QualityEvent quality -> deviatedBatches.add(quality.getBatchId());
                case SelfAssessmentSubmission assessment -> submission = assessment;
                default -> { }
            }
        }

        double networkingRate() {
            return NetworkingRate.compute(registered, lastReading, endMs).value().orElseThrow();
        }

        int batches() {
            return finalStatus.size();
        }

        double electronicRecordCoverage() {
            List<BatchOutcome> outcomes = new ArrayList<>();
            finalStatus.values().forEach(s -> outcomes.add(new BatchOutcome(s.getBatchId(),
                    s.getStatus() == BatchState.RELEASED, deviatedBatches.contains(s.getBatchId()),
                    s.getElectronicRecordShare())));
            return ElectronicRecordCoverage.compute(outcomes).value().orElseThrow();
        }
    }
}

package org.pharmamaturity.streams.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.tier.TierJudge;
import org.pharmamaturity.schemas.avro.Contradiction;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.MaturityView;
import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.schemas.avro.ProgrammeTarget;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.SmartFactoryTiers;
import org.pharmamaturity.schemas.avro.TierReadiness;
import org.pharmamaturity.streams.config.ProgrammeTargets;
import org.pharmamaturity.streams.state.avro.ProgrammeMember;
import org.pharmamaturity.streams.state.avro.ProgrammeTitle;

/**
 * The candidate and close-candidate definitions of docs/programme.md, and the awards that count, over members and
 * titles written out by hand, judged on 2025-03-10.
 */
class ProgrammeRecordsTest {

    private static final LocalDate DAY = LocalDate.parse("2025-03-10");
    private static final ProgrammeTargets TARGETS = new ProgrammeTargets(10, 30, 100);

    /** Level 4, no contradiction, eligible for excellent: benchmark and pioneer candidate; scenarios s1, s2 verified. */
    private static final ProgrammeMember A = member("A", 4, 0, List.of("basic", "advanced", "excellent"), List.of(),
            List.of("s1", "s2"), List.of());
    /** Level 3, one contradiction, one judged excellent condition unmet: close to both; s1 verified, s3 unverified. */
    private static final ProgrammeMember B = member("B", 3, 1, List.of("basic"), List.of("AI share 10 % < 20 %"),
            List.of("s1"), List.of("s3"));
    /** Level 2, no contradiction (close pioneer), two judged excellent conditions unmet (not close). */
    private static final ProgrammeMember C = member("C", 2, 0, List.of("basic"),
            List.of("verified level 2 < 3", "AI share 0 % < 20 %"), List.of(), List.of());
    /** Level 3, two contradictions (not close), every judged excellent condition met: close to a benchmark. */
    private static final ProgrammeMember D = member("D", 3, 2, List.of("basic", "advanced"), List.of(), List.of(),
            List.of());
    /** Level 2 and one contradiction: two shortfalls; no excellent tier judged: close to nothing. */
    private static final ProgrammeMember E = member("E", 2, 1, List.of(), null, List.of(), List.of());
    /** Level 5, no contradiction, eligible for leading only: benchmark and pioneer candidate. */
    private static final ProgrammeMember F = member("F", 5, 0, List.of("leading"), List.of(), List.of(), List.of());

    @Test
    void candidatesAndCloseCandidatesFollowTheDefinitions() {
        ProgrammeProgress progress = ProgrammeRecords.progress("shanghai-pharma", List.of(F, E, D, C, B, A),
                List.of(), TARGETS, DAY, 0);
        // benchmark: eligible excellent (A) or leading (F); close: judged excellent unmet <= 1 (B: 1, D: 0)
        assertTarget(progress.getBenchmark(), 10, List.of(), List.of("A", "F"), List.of("B", "D"));
        // pioneer: level >= 3 and 0 contradictions (A, F); close: level >= 3 with 1 (B) or level 2 with 0 (C)
        assertTarget(progress.getPioneer(), 30, List.of(), List.of("A", "F"), List.of("B", "C"));
        // scenarios: verified pairs A|s1, A|s2, B|s1 = 3; close: the deployed, unverified B|s3 = 1
        assertTarget(progress.getScenario(), 100, List.of(), List.of("A|s1", "A|s2", "B|s1"), List.of("B|s3"));
        assertThat(progress.getProgrammeId()).isEqualTo("shanghai-pharma");
        assertThat(progress.getEvaluationDay()).isEqualTo(DAY);
    }

    @Test
    void anAwardCountsUpToAndIncludingItsLastDay() {
        List<ProgrammeTitle> titles = List.of(
                new ProgrammeTitle("A", "BENCHMARK_SMART_FACTORY", null, null),
                new ProgrammeTitle("B", "PIONEER_ENTERPRISE", null, DAY),
                new ProgrammeTitle("C", "PIONEER_ENTERPRISE", null, DAY.minusDays(1)),
                new ProgrammeTitle("A", "TYPICAL_SCENARIO", "s1", LocalDate.parse("2026-12-31")),
                new ProgrammeTitle("A", "SMART_FACTORY_EXCELLENT", null, null));
        ProgrammeProgress progress = ProgrammeRecords.progress("shanghai-pharma", List.of(), titles, TARGETS, DAY, 0);
        // A's benchmark title never expires; B's pioneer title ends today and counts, C's ended yesterday;
        // the tier title counts toward no target
        assertTarget(progress.getBenchmark(), 10, List.of("A"), List.of(), List.of());
        assertTarget(progress.getPioneer(), 30, List.of("B"), List.of(), List.of());
        assertTarget(progress.getScenario(), 100, List.of("A|s1"), List.of(), List.of());
        // one day later B's title has expired too: 0 pioneers awarded
        assertThat(ProgrammeRecords.progress("shanghai-pharma", List.of(), titles, TARGETS, DAY.plusDays(1), 0)
                .getPioneer().getAwarded()).isZero();
    }

    @Test
    void aMemberIsReadFromTheResultsTiersContradictionsAndScenarios() {
        MaturityView level3 = new MaturityView(List.of(1.0, 1.0, 0.9, 0.0, 0.0), 2.9, 3, List.of());
        EnterpriseMaturity result = EnterpriseMaturity.newBuilder()
                .setEventId("r1").setEventTime(Instant.EPOCH).setEnterpriseId("E1").setAsOf(Instant.EPOCH)
                .setModelVersion("cmmm-process-v1").setDeclared(level3).setVerified(level3)
                .setRequirements(List.of())
                .setContradictions(List.of(new Contradiction("R1", "rule-1", "oee", 0.3, 0.5, Grade.FULL,
                        Grade.PARTLY)))
                .setEvidenceCoverage(0).setConfirmationRatio(0)
                .setTiers(new SmartFactoryTiers(true, false, false, false))
                .setTierReadiness(List.of(new TierReadiness("basic", true, List.of()),
                        new TierReadiness("excellent", false, List.of("AI share 0 % < 20 %",
                                "national" + TierJudge.LEADERSHIP_NOT_JUDGED))))
                .setScenarios(List.of(scenario("s1", ScenarioStatus.DEPLOYED, ScenarioEvidenceStatus.VERIFIED),
                        scenario("s2", ScenarioStatus.DEPLOYED, ScenarioEvidenceStatus.UNVERIFIED),
                        scenario("s3", ScenarioStatus.DEPLOYED, ScenarioEvidenceStatus.CONTRADICTED),
                        scenario("s4", ScenarioStatus.PILOT, ScenarioEvidenceStatus.NOT_DEPLOYED)))
                .build();
        ProgrammeMember member = ProgrammeRecords.member(result);
        assertThat(member.getVerifiedLevel()).isEqualTo(3);
        assertThat(member.getOpenContradictions()).isEqualTo(1);
        assertThat(member.getEligibleTiers()).containsExactly("basic");
        // the leadership condition is set aside: one judged condition left, so close to a benchmark
        assertThat(member.getExcellentUnmetJudged()).containsExactly("AI share 0 % < 20 %");
        assertThat(ProgrammeCandidates.closeToBenchmark(member)).isTrue();
        // level 3 with exactly one contradiction: close to a pioneer, not a candidate
        assertThat(ProgrammeCandidates.pioneer(member)).isFalse();
        assertThat(ProgrammeCandidates.closeToPioneer(member)).isTrue();
        // contradicted and pilot scenarios are neither candidates nor close
        assertThat(member.getVerifiedScenarios()).containsExactly("s1");
        assertThat(member.getUnverifiedScenarios()).containsExactly("s2");
    }

    private static ScenarioAssessment scenario(String id, ScenarioStatus status, ScenarioEvidenceStatus evidence) {
        return ScenarioAssessment.newBuilder().setScenarioId(id).setStatus(status).setAiEnabled(false)
                .setEvidenceStatus(evidence).build();
    }

    private static ProgrammeMember member(String id, int level, int contradictions, List<String> eligible,
            List<String> excellentUnmet, List<String> verified, List<String> unverified) {
        return new ProgrammeMember(id, level, contradictions, eligible, excellentUnmet, verified, unverified);
    }

    private static void assertTarget(ProgrammeTarget target, int aim, List<String> awarded, List<String> candidates,
            List<String> close) {
        assertThat(target.getTarget()).isEqualTo(aim);
        assertThat(target.getAwardedIds()).containsExactlyElementsOf(awarded);
        assertThat(target.getAwarded()).isEqualTo(awarded.size());
        assertThat(target.getCandidateIds()).containsExactlyElementsOf(candidates);
        assertThat(target.getCandidates()).isEqualTo(candidates.size());
        assertThat(target.getCloseCandidateIds()).containsExactlyElementsOf(close);
        assertThat(target.getCloseCandidates()).isEqualTo(close.size());
    }
}

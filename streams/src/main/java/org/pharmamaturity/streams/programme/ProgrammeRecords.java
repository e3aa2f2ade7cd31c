package org.pharmamaturity.streams.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.streams.KeyValue;
import org.pharmamaturity.evaluation.tier.TierJudge;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.schemas.avro.ProgrammeTarget;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.TierReadiness;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.streams.config.ProgrammeTargets;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.state.avro.ProgrammeChange;
import org.pharmamaturity.streams.state.avro.ProgrammeMember;
import org.pharmamaturity.streams.state.avro.ProgrammeTitle;

/**
 * What a published enterprise result and a title award or revocation change in the programme (changes keyed by
 * the programme's id), and the programme's progress over its members and valid awards.
 */
public final class ProgrammeRecords {

    /** The one programme the pipeline measures: Shanghai's pharma programme (seed 003). */
    public static final String PROGRAMME_ID = "shanghai-pharma";

    private static final String EXCELLENT = "excellent";

    private ProgrammeRecords() {
    }

    /** The member change of a published result. */
    public static KeyValue<String, ProgrammeChange> memberChange(MaturityUpdate update) {
        return KeyValue.pair(PROGRAMME_ID, new ProgrammeChange(update.enterpriseId(), false,
                member(update.current()), null));
    }

    /** The change of an award under its ref.title key: {@code award} null revokes it. */
    public static KeyValue<String, ProgrammeChange> titleChange(String titleKey, TitleAward award) {
        ProgrammeTitle title = award == null ? null : new ProgrammeTitle(award.getEnterpriseId(),
                award.getTitle().name(), award.getScenarioId(), award.getExpiresOn());
        return KeyValue.pair(PROGRAMME_ID, new ProgrammeChange(titleKey, true, null, title));
    }

    /** The facts of a result that the candidate definitions read. */
    static ProgrammeMember member(EnterpriseMaturity maturity) {
        List<String> eligible = maturity.getTierReadiness().stream().filter(TierReadiness::getEligible)
                .map(TierReadiness::getTier).toList();
        List<String> excellentUnmet = maturity.getTierReadiness().stream()
                .filter(readiness -> EXCELLENT.equals(readiness.getTier())).findFirst()
                .map(readiness -> readiness.getUnmet().stream()
                        .filter(unmet -> !unmet.endsWith(TierJudge.LEADERSHIP_NOT_JUDGED)).toList())
                .orElse(null);
        return new ProgrammeMember(maturity.getEnterpriseId(), maturity.getVerified().getLevel(),
                maturity.getContradictions().size(), eligible, excellentUnmet,
                deployedScenarios(maturity, ScenarioEvidenceStatus.VERIFIED),
                deployedScenarios(maturity, ScenarioEvidenceStatus.UNVERIFIED));
    }

    /** The programme's progress on {@code day} (UTC), stamped with the processing time {@code nowMs}. */
    public static ProgrammeProgress progress(String programmeId, Collection<ProgrammeMember> members,
            Collection<ProgrammeTitle> titles, ProgrammeTargets targets, LocalDate day, long nowMs) {
        List<ProgrammeTitle> valid = titles.stream()
                .filter(title -> title.getExpiresOn() == null || !title.getExpiresOn().isBefore(day)).toList();
        return ProgrammeProgress.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(nowMs))
                .setProgrammeId(programmeId)
                .setEvaluationDay(day)
                .setBenchmark(target(targets.benchmark(), awarded(valid, Title.BENCHMARK_SMART_FACTORY),
                        enterprises(members, ProgrammeCandidates::benchmark),
                        enterprises(members, ProgrammeCandidates::closeToBenchmark)))
                .setPioneer(target(targets.pioneer(), awarded(valid, Title.PIONEER_ENTERPRISE),
                        enterprises(members, ProgrammeCandidates::pioneer),
                        enterprises(members, ProgrammeCandidates::closeToPioneer)))
                .setScenario(target(targets.scenarios(), awarded(valid, Title.TYPICAL_SCENARIO),
                        scenarios(members, ProgrammeMember::getVerifiedScenarios),
                        scenarios(members, ProgrammeMember::getUnverifiedScenarios)))
                .build();
    }

    /** The id of one enterprise's scenario in the lists of the scenario target. */
    static String scenarioPair(String enterpriseId, String scenarioId) {
        return enterpriseId + "|" + scenarioId;
    }

    private static List<String> deployedScenarios(EnterpriseMaturity maturity, ScenarioEvidenceStatus evidence) {
        return maturity.getScenarios().stream()
                .filter(s -> s.getStatus() == ScenarioStatus.DEPLOYED && s.getEvidenceStatus() == evidence)
                .map(ScenarioAssessment::getScenarioId).sorted().toList();
    }

    private static List<String> awarded(List<ProgrammeTitle> titles, Title title) {
        return titles.stream().filter(t -> title.name().equals(t.getTitle()))
                .map(t -> t.getScenarioId() == null ? t.getEnterpriseId() : scenarioPair(t.getEnterpriseId(),
                        t.getScenarioId()))
                .toList();
    }

    private static List<String> enterprises(Collection<ProgrammeMember> members, Predicate<ProgrammeMember> test) {
        return members.stream().filter(test).map(ProgrammeMember::getEnterpriseId).toList();
    }

    private static List<String> scenarios(Collection<ProgrammeMember> members,
            Function<ProgrammeMember, List<String>> scenarioIds) {
        return members.stream().flatMap(member -> scenarioIds.apply(member).stream()
                .map(id -> scenarioPair(member.getEnterpriseId(), id))).toList();
    }

    private static ProgrammeTarget target(int target, List<String> awarded, List<String> candidates,
            List<String> close) {
        return new ProgrammeTarget(target, awarded.size(), sorted(awarded), candidates.size(), sorted(candidates),
                close.size(), sorted(close));
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().collect(Collectors.toCollection(ArrayList::new));
    }
}

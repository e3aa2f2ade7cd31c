package org.pharmamaturity.streams.programme;

import java.util.List;

import org.pharmamaturity.streams.state.avro.ProgrammeMember;

/**
 * Who the evaluation finds for each target of the programme, and who is close (docs/programme.md gives the same
 * definitions for regulators). Pure functions of one member's facts; awarded titles play no part, so a regulator
 * sees candidates beside the awards, not instead of them.
 */
public final class ProgrammeCandidates {

    /** The verified level a pioneer enterprise needs. */
    static final int PIONEER_LEVEL = 3;
    private static final List<String> BENCHMARK_TIERS = List.of("excellent", "leading");

    private ProgrammeCandidates() {
    }

    /** A benchmark candidate is eligible for the excellent (卓越级) or the leading (领航级) tier. */
    public static boolean benchmark(ProgrammeMember member) {
        return member.getEligibleTiers().stream().anyMatch(BENCHMARK_TIERS::contains);
    }

    /**
     * Close to a benchmark factory: not a candidate, and at most one judged condition of the excellent tier unmet.
     * The tier's national leadership is set aside: regional data never judges it, so it is unmet for everyone and
     * would make nobody close. A result without an excellent tier entry is not close.
     */
    public static boolean closeToBenchmark(ProgrammeMember member) {
        List<String> unmet = member.getExcellentUnmetJudged();
        return !benchmark(member) && unmet != null && unmet.size() <= 1;
    }

    /** A pioneer candidate is at verified level 3 or above with no open contradiction. */
    public static boolean pioneer(ProgrammeMember member) {
        return member.getVerifiedLevel() >= PIONEER_LEVEL && member.getOpenContradictions() == 0;
    }

    /**
     * Close to a pioneer: exactly one shortfall, either verified level 3 or above with exactly one open
     * contradiction, or verified level 2 (one level short) with none.
     */
    public static boolean closeToPioneer(ProgrammeMember member) {
        int level = member.getVerifiedLevel();
        int contradictions = member.getOpenContradictions();
        return level >= PIONEER_LEVEL && contradictions == 1 || level == PIONEER_LEVEL - 1 && contradictions == 0;
    }
}

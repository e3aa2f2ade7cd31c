package org.pharmamaturity.streams.sector;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.pharmamaturity.evaluation.sector.EnterpriseSummary;
import org.pharmamaturity.evaluation.sector.SectorMembers;
import org.pharmamaturity.evaluation.sector.SectorStatistics;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.state.avro.SectorContribution;
import org.pharmamaturity.streams.state.avro.SectorMemberSet;

/**
 * The sector aggregate's adder, subtractor and result, on top of the evaluation library's SectorMembers and
 * SectorStatistics.
 */
public final class SectorRecords {

    private SectorRecords() {
    }

    /** An empty sector. */
    public static SectorMemberSet empty() {
        return new SectorMemberSet(new HashMap<>());
    }

    /** Adder: the enterprise's new contribution replaces any previous one. */
    public static SectorMemberSet add(SectorMemberSet set, SectorContribution contribution) {
        Map<String, SectorContribution> members = new HashMap<>(set.getMembers());
        SectorMembers updated = members(set).with(summary(contribution));
        members.put(contribution.getEnterpriseId(), contribution);
        members.keySet().retainAll(updated.members().keySet());
        return new SectorMemberSet(members);
    }

    /**
     * Subtractor: removes the enterprise's old contribution, unless the sector already holds a newer one (a
     * guard; Kafka Streams calls the subtractor first for an unchanged key, KIP-904).
     */
    public static SectorMemberSet remove(SectorMemberSet set, SectorContribution old) {
        SectorContribution held = set.getMembers().get(old.getEnterpriseId());
        if (held == null || !held.equals(old)) {
            return set;
        }
        SectorMembers updated = members(set).without(old.getEnterpriseId());
        Map<String, SectorContribution> members = new HashMap<>(set.getMembers());
        members.keySet().retainAll(updated.members().keySet());
        return new SectorMemberSet(members);
    }

    /** The sector's statistics over its current members. */
    public static SectorMaturity statistics(String sector, SectorMemberSet set, long nowMs) {
        long asOfMs = set.getMembers().values().stream().mapToLong(SectorContribution::getAsOfMs).max().orElse(0);
        SectorStatistics statistics = members(set).statistics(sector, Instant.ofEpochMilli(asOfMs));
        long versions = set.getMembers().values().stream().map(SectorContribution::getModelVersion).distinct().count();
        String modelVersion = versions == 1
                ? set.getMembers().values().iterator().next().getModelVersion() : null;
        return SectorMaturity.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(nowMs))
                .setSector(sector)
                .setAsOf(statistics.asOf())
                .setModelVersion(modelVersion)
                .setEnterprises(statistics.enterprises())
                .setLevelDistribution(new TreeMap<>(statistics.levelDistribution()))
                .setMeanScore(statistics.meanScore())
                .setMedianScore(statistics.medianScore())
                .setShareAtLeastLevel2(statistics.shareAtLeastLevel2())
                .setSubDomainMeans(new TreeMap<>(statistics.subDomainMeans()))
                .setContradictionRate(statistics.contradictionRate())
                .setDeclaredMeanScore(statistics.declaredMeanScore())
                .build();
    }

    private static SectorMembers members(SectorMemberSet set) {
        Map<String, EnterpriseSummary> summaries = new TreeMap<>();
        set.getMembers().forEach((id, contribution) -> summaries.put(id, summary(contribution)));
        return new SectorMembers(summaries);
    }

    private static EnterpriseSummary summary(SectorContribution contribution) {
        return new EnterpriseSummary(contribution.getEnterpriseId(), contribution.getVerifiedScore(),
                contribution.getVerifiedLevel(), contribution.getDeclaredScore(), contribution.getHasContradiction(),
                contribution.getSubDomainFulfilment());
    }
}

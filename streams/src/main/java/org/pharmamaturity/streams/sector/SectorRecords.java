package org.pharmamaturity.streams.sector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.streams.KeyValue;
import org.pharmamaturity.evaluation.sector.EnterpriseSummary;
import org.pharmamaturity.evaluation.sector.SectorStatistics;
import org.pharmamaturity.evaluation.tier.IndicatorBenchmark;
import org.pharmamaturity.evaluation.tier.SectorBenchmarks;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.KpiBenchmark;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.streams.maturity.MaturityUpdate;
import org.pharmamaturity.streams.state.avro.SectorContribution;
import org.pharmamaturity.streams.state.avro.SectorMemberChange;

/**
 * What an enterprise's new result changes in the groups (the member changes, keyed by group: sectors, divisions,
 * districts, sectors within districts and ALL, see {@link GroupKey}), and a group's statistics over its members, on
 * top of the evaluation library's SectorStatistics and SectorBenchmarks (the
 * quartiles of the members' key indicators); the tier and scenario counts and the share at level 3 or above are
 * summed here from the members' contributions.
 */
public final class SectorRecords {

    /** The smart-factory tiers, lowest first (the field names of EnterpriseMaturity.tiers). */
    private static final List<String> TIERS = List.of("basic", "advanced", "excellent", "leading");

    private SectorRecords() {
    }

    /**
     * The member changes of a published result, keyed by group ({@link GroupKey#key()}): the enterprise's
     * contribution to every group of its sector and district ({@link GroupKey#membership}), and its leaving each
     * group of its previous result's sector and district it no longer belongs to (it moved sector or district).
     */
    public static List<KeyValue<String, SectorMemberChange>> changes(MaturityUpdate update) {
        Set<GroupKey> current = GroupKey.membership(update.contribution().getSector(),
                update.contribution().getDistrict());
        EnterpriseMaturity previous = update.previous();
        List<KeyValue<String, SectorMemberChange>> changes = new ArrayList<>();
        if (previous != null) {
            GroupKey.membership(previous.getSector(), previous.getDistrict()).stream()
                    .filter(group -> !current.contains(group))
                    .forEach(group -> changes.add(KeyValue.pair(group.key(),
                            new SectorMemberChange(update.enterpriseId(), null))));
        }
        SectorMemberChange joins = new SectorMemberChange(update.enterpriseId(), update.contribution());
        current.forEach(group -> changes.add(KeyValue.pair(group.key(), joins)));
        return changes;
    }

    /** The group's statistics over its current members. */
    public static SectorMaturity statistics(GroupKey group, Collection<SectorContribution> members, long nowMs) {
        String sector = group.key();
        long asOfMs = members.stream().mapToLong(SectorContribution::getAsOfMs).max().orElse(0);
        SectorStatistics statistics = SectorStatistics.of(sector, Instant.ofEpochMilli(asOfMs),
                members.stream().map(SectorRecords::summary).toList());
        List<String> versions = members.stream().map(SectorContribution::getModelVersion).distinct().toList();
        return SectorMaturity.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(Instant.ofEpochMilli(nowMs))
                .setSector(group.sector())
                .setGroupKind(group.kind())
                .setDistrict(group.district())
                .setAsOf(statistics.asOf())
                .setModelVersion(versions.size() == 1 ? versions.get(0) : null)
                .setEnterprises(statistics.enterprises())
                .setLevelDistribution(new TreeMap<>(statistics.levelDistribution()))
                .setMeanScore(statistics.meanScore())
                .setMedianScore(statistics.medianScore())
                .setShareAtLeastLevel2(statistics.shareAtLeastLevel2())
                .setSubDomainMeans(new TreeMap<>(statistics.subDomainMeans()))
                .setContradictionRate(statistics.contradictionRate())
                .setDeclaredMeanScore(statistics.declaredMeanScore())
                .setShareAtLeastLevel3(members.isEmpty() ? 0
                        : members.stream().filter(m -> m.getVerifiedLevel() >= 3).count() / (double) members.size())
                .setTierCounts(tierCounts(members))
                .setScenariosDeployed(members.stream().mapToInt(SectorContribution::getScenariosDeployed).sum())
                .setScenariosVerified(members.stream().mapToInt(SectorContribution::getScenariosVerified).sum())
                .setKpiBenchmarks(kpiBenchmarks(sector, members))
                .build();
    }

    /**
     * The sector's reference for the tiers' key-indicator gates, as the evaluation module reads it; none for a
     * sector without a record (or a record written before benchmarks existed).
     */
    public static SectorBenchmarks benchmarks(String sector, SectorMaturity record) {
        if (record == null) {
            return SectorBenchmarks.none(sector);
        }
        Map<String, IndicatorBenchmark> indicators = new TreeMap<>();
        record.getKpiBenchmarks().forEach((indicator, b) -> indicators.put(indicator,
                new IndicatorBenchmark(b.getEnterprises(), b.getLowerQuartile(), b.getMedian(), b.getUpperQuartile())));
        return new SectorBenchmarks(sector, indicators);
    }

    /** Per key indicator, the quartiles of the members' values (evaluation SectorBenchmarks, QUARTILE.INC). */
    private static Map<String, KpiBenchmark> kpiBenchmarks(String sector, Collection<SectorContribution> members) {
        Map<String, List<Double>> values = new TreeMap<>();
        members.forEach(member -> member.getKeyKpis().forEach((indicator, value) ->
                values.computeIfAbsent(indicator, i -> new ArrayList<>()).add(value)));
        Map<String, KpiBenchmark> benchmarks = new TreeMap<>();
        SectorBenchmarks.of(sector, values).indicators().forEach((indicator, b) -> benchmarks.put(indicator,
                new KpiBenchmark(b.enterprises(), b.lowerQuartile(), b.median(), b.upperQuartile())));
        return benchmarks;
    }

    /** Every tier with the number of members eligible for it (0 included, so a dashboard shows the tier). */
    private static Map<String, Integer> tierCounts(Collection<SectorContribution> members) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TIERS.forEach(tier -> counts.put(tier, 0));
        members.forEach(member -> member.getEligibleTiers().forEach(tier -> counts.merge(tier, 1, Integer::sum)));
        return counts;
    }

    private static EnterpriseSummary summary(SectorContribution contribution) {
        return new EnterpriseSummary(contribution.getEnterpriseId(), contribution.getVerifiedScore(),
                contribution.getVerifiedLevel(), contribution.getDeclaredScore(), contribution.getHasContradiction(),
                contribution.getSubDomainFulfilment());
    }
}

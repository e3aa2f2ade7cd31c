package org.pharmamaturity.evaluation.sector;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The enterprises of one sector, keyed by enterpriseId: the aggregate of a Kafka Streams KTable grouping,
 * where the adder puts an enterprise's new summary and the subtractor removes its old one, so a new result
 * replaces the old contribution and an enterprise moving sector leaves its old one.
 */
public record SectorMembers(Map<String, EnterpriseSummary> members) {

    public SectorMembers {
        members = Collections.unmodifiableMap(new TreeMap<>(members));
    }

    /** No member. */
    public static SectorMembers empty() {
        return new SectorMembers(Map.of());
    }

    /** The members with {@code summary} added, or replacing the same enterprise's previous one. */
    public SectorMembers with(EnterpriseSummary summary) {
        Map<String, EnterpriseSummary> copy = new TreeMap<>(members);
        copy.put(summary.enterpriseId(), summary);
        return new SectorMembers(copy);
    }

    /** The members without {@code enterpriseId}. */
    public SectorMembers without(String enterpriseId) {
        Map<String, EnterpriseSummary> copy = new TreeMap<>(members);
        copy.remove(enterpriseId);
        return new SectorMembers(copy);
    }

    /** The sector statistics of the current members. */
    public SectorStatistics statistics(String sector, Instant asOf) {
        return SectorStatistics.of(sector, asOf, members.values());
    }
}

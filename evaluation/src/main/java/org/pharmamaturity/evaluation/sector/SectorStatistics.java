package org.pharmamaturity.evaluation.sector;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pharmamaturity.evaluation.scoring.MaturityResult;

/**
 * Sector maturity (DESIGN.md section 5 "sector") over the verified view, with the declared mean beside it.
 * An empty sector has 0 enterprises and 0 for every mean, median and share.
 */
public record SectorStatistics(
        String sector,
        Instant asOf,
        int enterprises,
        Map<String, Integer> levelDistribution,
        double meanScore,
        double medianScore,
        double shareAtLeastLevel2,
        Map<String, Double> subDomainMeans,
        double contradictionRate,
        double declaredMeanScore) {

    public SectorStatistics {
        levelDistribution = Collections.unmodifiableMap(new LinkedHashMap<>(levelDistribution));
        subDomainMeans = Collections.unmodifiableMap(new LinkedHashMap<>(subDomainMeans));
    }

    /** Statistics over full maturity results. */
    public static SectorStatistics ofResults(String sector, Instant asOf, Collection<MaturityResult> results) {
        return of(sector, asOf, results.stream().map(EnterpriseSummary::of).toList());
    }

    /** Statistics over enterprise summaries (e.g. the members of a Kafka Streams sector aggregate). */
    public static SectorStatistics of(String sector, Instant asOf, Collection<EnterpriseSummary> members) {
        int n = members.size();
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int level = 0; level <= 5; level++) {
            distribution.put(Integer.toString(level), 0);
        }
        members.forEach(member -> distribution.merge(Integer.toString(member.verifiedLevel()), 1, Integer::sum));
        List<Double> scores = members.stream().map(EnterpriseSummary::verifiedScore).sorted().toList();
        long atLeastLevel2 = members.stream().filter(member -> member.verifiedLevel() >= 2).count();
        long contradicted = members.stream().filter(EnterpriseSummary::hasContradiction).count();
        return new SectorStatistics(sector, asOf, n, distribution, mean(scores), median(scores),
                share(atLeastLevel2, n), subDomainMeans(members), share(contradicted, n),
                mean(members.stream().map(EnterpriseSummary::declaredScore).toList()));
    }

    private static Map<String, Double> subDomainMeans(Collection<EnterpriseSummary> members) {
        Map<String, double[]> sums = new TreeMap<>();
        for (EnterpriseSummary member : members) {
            member.subDomainFulfilment().forEach((subDomain, value) -> {
                double[] sum = sums.computeIfAbsent(subDomain, key -> new double[2]);
                sum[0] += value;
                sum[1]++;
            });
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((subDomain, sum) -> means.put(subDomain, sum[0] / sum[1]));
        return means;
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? 0 : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double share(long count, int n) {
        return n == 0 ? 0 : (double) count / n;
    }
}

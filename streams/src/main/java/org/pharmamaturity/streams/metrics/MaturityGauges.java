package org.pharmamaturity.streams.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.apache.kafka.streams.KeyValue;
import org.pharmamaturity.schemas.avro.Contradiction;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.GroupKind;
import org.pharmamaturity.schemas.avro.MaturityView;
import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.schemas.avro.ProgrammeTarget;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.schemas.avro.SubDomainScore;
import org.pharmamaturity.schemas.avro.TierReadiness;
import org.pharmamaturity.streams.sector.GroupKey;
import org.pharmamaturity.streams.state.StoreEntries;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * The {@code maturity_enterprise_*}, {@code maturity_contradiction_info}, {@code maturity_kpi},
 * {@code maturity_sector_*} (sectors and ALL), {@code maturity_group_*} (every group) and {@code maturity_programme_*}
 * gauges, read from the local state stores at each scrape (see docs/operations.md, Metrics
 * section), so their labels follow the data: an enterprise whose partition moved to another instance disappears
 * here and appears there. A store that cannot be queried (rebalancing) contributes nothing to that scrape.
 */
public final class MaturityGauges implements MultiCollector {

    /** The sector label of an enterprise that ref.enterprise does not (yet) know. */
    public static final String UNKNOWN_SECTOR = "unknown";

    private static final String ENTERPRISE = "enterprise_id";
    private static final String SECTOR = "sector";
    private static final String TARGET = "target";
    private static final String KIND = "kind";
    private static final String GROUP = "group";
    /** The groups of the maturity_sector_* series: sectors and ALL, as before other groups existed. */
    private static final Set<GroupKind> SECTOR_SERIES_KINDS = Set.of(GroupKind.SECTOR, GroupKind.ALL);
    private static final int MAX_LEVEL = 5;

    private final StoreEntries stores;

    public MaturityGauges(StoreEntries stores) {
        this.stores = stores;
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, String> sectors = new HashMap<>();
        stores.<Enterprise>entries(StoreNames.REF_ENTERPRISE).ifPresent(entries -> entries.forEach(
                entry -> sectors.put(entry.key, entry.value.getSector())));
        List<GaugeFamily> families = new ArrayList<>();
        stores.<EnterpriseMaturity>entries(StoreNames.MATURITY_ENTERPRISE_LATEST)
                .ifPresent(entries -> families.addAll(enterprises(entries, sectors)));
        stores.<EnterpriseKpi>entries(StoreNames.KPI_ENTERPRISE_ROLLING)
                .ifPresent(entries -> families.add(kpis(entries, sectors)));
        stores.<SectorMaturity>entries(StoreNames.MATURITY_SECTOR).ifPresent(entries -> {
            families.addAll(sectors(entries.stream().filter(entry -> SECTOR_SERIES_KINDS.contains(
                    entry.value.getGroupKind())).toList()));
            families.addAll(groups(entries));
        });
        stores.<ProgrammeProgress>entries(StoreNames.MATURITY_PROGRAMME)
                .ifPresent(entries -> families.addAll(programme(entries)));
        return new MetricSnapshots(families.stream().flatMap(family -> family.snapshot().stream()).toList());
    }

    private static List<GaugeFamily> enterprises(List<KeyValue<String, EnterpriseMaturity>> entries,
            Map<String, String> sectors) {
        GaugeFamily score = GaugeFamily.gauge("maturity_enterprise_score",
                "Total score S (0-5) of the latest result", ENTERPRISE, SECTOR, "view");
        GaugeFamily level = GaugeFamily.gauge("maturity_enterprise_level",
                "Maturity level (0-5) of the latest result", ENTERPRISE, SECTOR, "view");
        GaugeFamily levelScore = GaugeFamily.gauge("maturity_enterprise_level_score",
                "Level score L1..L5 (0-1) of the latest result", ENTERPRISE, SECTOR, "view", "level");
        GaugeFamily subDomain = GaugeFamily.gauge("maturity_enterprise_subdomain_score",
                "Verified sub-domain score (0-1): mean of its D(k,d) over the levels it takes part in",
                ENTERPRISE, SECTOR, "sub_domain");
        GaugeFamily contradictions = GaugeFamily.gauge("maturity_enterprise_contradictions",
                "Number of contradictions between the self-assessment and the data", ENTERPRISE, SECTOR);
        GaugeFamily coverage = GaugeFamily.gauge("maturity_enterprise_evidence_coverage",
                "Share of requirements some evidence rule speaks for (0-1)", ENTERPRISE, SECTOR);
        GaugeFamily confirmation = GaugeFamily.gauge("maturity_enterprise_confirmation_ratio",
                "Share of requirements confirmed by an evidence rule (0-1)", ENTERPRISE, SECTOR);
        GaugeFamily contradiction = GaugeFamily.info("maturity_contradiction",
                "A current contradiction: a declared grade an evidence rule capped", ENTERPRISE, SECTOR,
                "requirement_id", "rule_id", "indicator", "declared_grade", "verified_grade");
        GaugeFamily tier = GaugeFamily.gauge("maturity_enterprise_tier_eligible",
                "1 when the enterprise is eligible for the smart-factory tier (basic, advanced, excellent, leading),"
                        + " else 0", ENTERPRISE, SECTOR, "tier");
        GaugeFamily scenarios = GaugeFamily.gauge("maturity_enterprise_scenarios",
                "Number of the enterprise's deployed typical scenarios in a catalogue link (环节), and of those the ones"
                        + " its indicators verified or contradicted", ENTERPRISE, SECTOR, "link", "state");
        GaugeFamily lastUpdate = GaugeFamily.gauge("maturity_enterprise_last_update_seconds",
                "asOf of the latest result (event time of its latest input), epoch seconds", ENTERPRISE, SECTOR);
        for (KeyValue<String, EnterpriseMaturity> entry : entries) {
            EnterpriseMaturity maturity = entry.value;
            String id = maturity.getEnterpriseId();
            String sector = sectors.getOrDefault(id, maturity.getSector() == null ? UNKNOWN_SECTOR : maturity.getSector());
            view(maturity.getDeclared(), "declared", id, sector, score, level, levelScore);
            view(maturity.getVerified(), "verified", id, sector, score, level, levelScore);
            subDomainMeans(maturity.getVerified()).forEach((name, mean) -> subDomain.add(mean, id, sector, name));
            contradictions.add(maturity.getContradictions().size(), id, sector);
            coverage.add(maturity.getEvidenceCoverage(), id, sector);
            confirmation.add(maturity.getConfirmationRatio(), id, sector);
            for (Contradiction found : maturity.getContradictions()) {
                contradiction.add(id, sector, found.getRequirementId(), found.getRuleId(), found.getIndicator(),
                        found.getDeclaredGrade().name(), found.getVerifiedGrade().name());
            }
            for (TierReadiness readiness : maturity.getTierReadiness()) {
                tier.add(readiness.getEligible() ? 1 : 0, id, sector, readiness.getTier());
            }
            scenariosByLink(maturity.getScenarios()).forEach((linkAndState, count) ->
                    scenarios.add(count, id, sector, linkAndState.getKey(), linkAndState.getValue()));
            lastUpdate.add(maturity.getAsOf().toEpochMilli() / 1000.0, id, sector);
        }
        return List.of(score, level, levelScore, subDomain, contradictions, coverage, confirmation, contradiction,
                tier, scenarios, lastUpdate);
    }

    private static void view(MaturityView view, String name, String id, String sector, GaugeFamily score,
            GaugeFamily level, GaugeFamily levelScore) {
        score.add(view.getScore(), id, sector, name);
        level.add(view.getLevel(), id, sector, name);
        List<Double> levelScores = view.getLevelScores();
        for (int index = 0; index < levelScores.size(); index++) {
            levelScore.add(levelScores.get(index), id, sector, name, Integer.toString(index + 1));
        }
    }

    /**
     * Per (link, state) of the deployed scenarios: "deployed" counts every one, "verified" and "contradicted" those
     * the indicators verified or contradicted; a link with a deployed scenario has all three, zeros included, so a
     * sum over enterprises shows every link covered. A scenario the catalogue does not know has no link: "unknown".
     */
    private static Map<Map.Entry<String, String>, Integer> scenariosByLink(List<ScenarioAssessment> scenarios) {
        Map<Map.Entry<String, String>, Integer> counts = new TreeMap<>(Map.Entry.<String, String>comparingByKey()
                .thenComparing(Map.Entry.comparingByValue()));
        for (ScenarioAssessment scenario : scenarios) {
            if (scenario.getStatus() != ScenarioStatus.DEPLOYED) {
                continue;
            }
            String link = scenario.getLink() == null ? "unknown" : scenario.getLink();
            counts.merge(Map.entry(link, "deployed"), 1, Integer::sum);
            counts.merge(Map.entry(link, "verified"),
                    scenario.getEvidenceStatus() == ScenarioEvidenceStatus.VERIFIED ? 1 : 0, Integer::sum);
            counts.merge(Map.entry(link, "contradicted"),
                    scenario.getEvidenceStatus() == ScenarioEvidenceStatus.CONTRADICTED ? 1 : 0, Integer::sum);
        }
        return counts;
    }

    /** Per sub-domain, the mean of its scores over its levels: the value the sector means average. */
    private static Map<String, Double> subDomainMeans(MaturityView view) {
        Map<String, double[]> sums = new TreeMap<>();
        for (SubDomainScore score : view.getSubDomainScores()) {
            double[] sum = sums.computeIfAbsent(score.getSubDomain(), name -> new double[2]);
            sum[0] += score.getScore();
            sum[1]++;
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
        return means;
    }

    private static GaugeFamily kpis(List<KeyValue<String, EnterpriseKpi>> entries, Map<String, String> sectors) {
        GaugeFamily kpi = GaugeFamily.gauge("maturity_kpi", "Rolling 30-day indicator value", ENTERPRISE, SECTOR,
                "kpi");
        for (KeyValue<String, EnterpriseKpi> entry : entries) {
            String id = entry.value.getEnterpriseId();
            String sector = sectors.getOrDefault(id, UNKNOWN_SECTOR);
            entry.value.getValues().forEach((indicator, value) -> {
                // An undefined indicator (e.g. OEE without planned time) has no value to show.
                if (value.getValue() != null) {
                    kpi.add(value.getValue(), id, sector, indicator);
                }
            });
        }
        return kpi;
    }

    /**
     * The programme's targets, awards, candidates and close candidates, labelled by target (benchmark, pioneer,
     * scenario); confidential like the candidate lists ({@link ConfidentialSeries#PROGRAMME_SERIES_PREFIX}).
     */
    private static List<GaugeFamily> programme(List<KeyValue<String, ProgrammeProgress>> entries) {
        GaugeFamily target = GaugeFamily.gauge("maturity_programme_target",
                "What the programme aims for: benchmark smart factories, pioneer enterprises, typical scenarios",
                TARGET);
        GaugeFamily awarded = GaugeFamily.gauge("maturity_programme_awarded",
                "Valid (not expired) title awards of ref.title counting toward the target", TARGET);
        GaugeFamily candidates = GaugeFamily.gauge("maturity_programme_candidates",
                "Enterprises (scenario: enterprise-scenario pairs) the evaluation finds meeting the target's definition",
                TARGET);
        GaugeFamily close = GaugeFamily.gauge("maturity_programme_close_candidates",
                "Enterprises (scenario: enterprise-scenario pairs) one condition short of a candidate", TARGET);
        for (KeyValue<String, ProgrammeProgress> entry : entries) {
            ProgrammeProgress progress = entry.value;
            for (Map.Entry<String, ProgrammeTarget> figures : List.of(Map.entry("benchmark", progress.getBenchmark()),
                    Map.entry("pioneer", progress.getPioneer()), Map.entry("scenario", progress.getScenario()))) {
                target.add(figures.getValue().getTarget(), figures.getKey());
                awarded.add(figures.getValue().getAwarded(), figures.getKey());
                candidates.add(figures.getValue().getCandidates(), figures.getKey());
                close.add(figures.getValue().getCloseCandidates(), figures.getKey());
            }
        }
        return List.of(target, awarded, candidates, close);
    }

    /**
     * {@code maturity_group_*}: every group's size, verified mean S and share at level 3 or higher, labelled with
     * its kind ({@link GroupKey#kindLabel()}) and key ({@link GroupKey#key()}).
     */
    private static List<GaugeFamily> groups(List<KeyValue<String, SectorMaturity>> entries) {
        GaugeFamily enterprises = GaugeFamily.gauge("maturity_group_enterprises",
                "Number of enterprises in the group (sector, division, district, sector within a district, all)",
                KIND, GROUP);
        GaugeFamily mean = GaugeFamily.gauge("maturity_group_mean_score",
                "Mean verified total score S (0-5) of the group's enterprises", KIND, GROUP);
        GaugeFamily share = GaugeFamily.gauge("maturity_group_share_level3_or_higher",
                "Share of the group's enterprises (0-1) at verified level 3 or higher", KIND, GROUP);
        for (KeyValue<String, SectorMaturity> entry : entries) {
            GroupKey group = GroupKey.parse(entry.key);
            enterprises.add(entry.value.getEnterprises(), group.kindLabel(), entry.key);
            mean.add(entry.value.getMeanScore(), group.kindLabel(), entry.key);
            share.add(entry.value.getShareAtLeastLevel3(), group.kindLabel(), entry.key);
        }
        return List.of(enterprises, mean, share);
    }

    private static List<GaugeFamily> sectors(List<KeyValue<String, SectorMaturity>> entries) {
        GaugeFamily score = GaugeFamily.gauge("maturity_sector_score",
                "Sector statistic of S (0-5): verified mean and median, declared mean", SECTOR, "stat");
        GaugeFamily ratio = GaugeFamily.gauge("maturity_sector_ratio",
                "Share of the sector's enterprises (0-1) at verified level 2 or above, at level 3 or above, or with a"
                        + " contradiction", SECTOR, "ratio");
        GaugeFamily tiers = GaugeFamily.gauge("maturity_sector_tier_enterprises",
                "Number of the sector's enterprises eligible for each smart-factory tier", SECTOR, "tier");
        GaugeFamily scenarios = GaugeFamily.gauge("maturity_sector_scenarios",
                "Number of typical scenarios the sector's enterprises declared deployed, and of those verified",
                SECTOR, "state");
        GaugeFamily enterprises = GaugeFamily.gauge("maturity_sector_enterprises",
                "Number of the sector's enterprises at each verified level", SECTOR, "level");
        GaugeFamily subDomain = GaugeFamily.gauge("maturity_sector_subdomain_score",
                "Mean verified sub-domain score (0-1) of the sector's enterprises", SECTOR, "sub_domain");
        for (KeyValue<String, SectorMaturity> entry : entries) {
            SectorMaturity sector = entry.value;
            String code = sector.getSector();
            score.add(sector.getMeanScore(), code, "mean");
            score.add(sector.getMedianScore(), code, "median");
            score.add(sector.getDeclaredMeanScore(), code, "declared_mean");
            ratio.add(sector.getShareAtLeastLevel2(), code, "at_least_level2");
            ratio.add(sector.getShareAtLeastLevel3(), code, "at_least_level3");
            ratio.add(sector.getContradictionRate(), code, "contradiction_rate");
            sector.getTierCounts().forEach((name, count) -> tiers.add(count, code, name));
            scenarios.add(sector.getScenariosDeployed(), code, "deployed");
            scenarios.add(sector.getScenariosVerified(), code, "verified");
            // Every level, 0 included, so a level nobody is at shows 0 rather than no series.
            for (int level = 0; level <= MAX_LEVEL; level++) {
                String label = Integer.toString(level);
                enterprises.add(sector.getLevelDistribution().getOrDefault(label, 0), code, label);
            }
            sector.getSubDomainMeans().forEach((name, mean) -> subDomain.add(mean, code, name));
        }
        return List.of(score, ratio, enterprises, subDomain, tiers, scenarios);
    }
}

package org.pharmamaturity.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.Contradiction;
import org.pharmamaturity.schemas.avro.EnterpriseKpi;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.GroupKind;
import org.pharmamaturity.schemas.avro.KpiValue;
import org.pharmamaturity.schemas.avro.MaturityView;
import org.pharmamaturity.schemas.avro.ProgrammeProgress;
import org.pharmamaturity.schemas.avro.ProgrammeTarget;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.schemas.avro.SmartFactoryTiers;
import org.pharmamaturity.schemas.avro.SubDomainScore;
import org.pharmamaturity.schemas.avro.TierReadiness;
import org.pharmamaturity.streams.state.StoreEntries;
import org.pharmamaturity.streams.state.StoreNames;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The maturity gauges as a Prometheus scrape shows them, for store contents built by hand: names, labels, the
 * values taken over and the ones derived (sub-domain means, contradiction count, zero-filled level counts,
 * sector labels), and what a store that cannot be queried leaves out.
 */
class MaturityGaugesTest {

    private static final double EPSILON = 1e-12;
    private static final Instant AS_OF = Instant.parse("2026-03-01T09:00:00Z");

    private final Map<String, List<? extends KeyValue<String, ?>>> stores = new HashMap<>();

    @Test
    void enterpriseSeriesCarryTheLatestResult() {
        scenario();
        PrometheusScrape scrape = scrape();

        // E1 is in C272 by ref.enterprise, which wins over the C271 its result was computed with.
        assertThat(value(scrape, "maturity_enterprise_score", "enterprise_id", "E1", "sector", "C272", "view", "declared"))
                .isCloseTo(2.4, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_score", "enterprise_id", "E1", "sector", "C272", "view", "verified"))
                .isCloseTo(1.6, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_level", "enterprise_id", "E1", "sector", "C272", "view", "declared"))
                .isEqualTo(2);
        assertThat(value(scrape, "maturity_enterprise_level", "enterprise_id", "E1", "sector", "C272", "view", "verified"))
                .isEqualTo(1);
        // levelScores index 0 is level "1".
        assertThat(value(scrape, "maturity_enterprise_level_score", "enterprise_id", "E1", "sector", "C272",
                "view", "verified", "level", "2")).isCloseTo(0.6, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_level_score", "enterprise_id", "E1", "sector", "C272",
                "view", "declared", "level", "5")).isZero();
        assertThat(scrape.samples("maturity_enterprise_level_score")).hasSize(2 * 2 * 5); // 2 enterprises x 2 views x L1..L5
        // people.strategy: D = 1.0 at level 1 and 0.5 at level 2, mean (1.0 + 0.5) / 2 = 0.75.
        assertThat(value(scrape, "maturity_enterprise_subdomain_score", "enterprise_id", "E1", "sector", "C272",
                "sub_domain", "people.strategy")).isCloseTo(0.75, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_subdomain_score", "enterprise_id", "E1", "sector", "C272",
                "sub_domain", "manufacturing.quality")).isCloseTo(0.25, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_contradictions", "enterprise_id", "E1", "sector", "C272")).isEqualTo(1);
        assertThat(value(scrape, "maturity_enterprise_evidence_coverage", "enterprise_id", "E1", "sector", "C272"))
                .isCloseTo(0.5, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_confirmation_ratio", "enterprise_id", "E1", "sector", "C272"))
                .isCloseTo(0.25, within(EPSILON));
        assertThat(value(scrape, "maturity_contradiction_info", "enterprise_id", "E1", "sector", "C272",
                "requirement_id", "NET-L2-01", "rule_id", "R-NET-1", "indicator", "networkingRate",
                "declared_grade", "FULL", "verified_grade", "PARTLY")).isEqualTo(1);
        assertThat(scrape.samples("maturity_contradiction_info")).hasSize(1);
        // 2026-03-01T09:00Z: 20513 days after 1970-01-01 (56 x 365 + 14 leap days + 31 + 28) x 86400 + 9 x 3600.
        assertThat(value(scrape, "maturity_enterprise_last_update_seconds", "enterprise_id", "E1", "sector", "C272"))
                .isEqualTo(1_772_355_600);
    }

    @Test
    void anEnterpriseUnknownToReferenceDataKeepsTheSectorOfItsResult() {
        scenario();
        PrometheusScrape scrape = scrape();

        assertThat(value(scrape, "maturity_enterprise_score", "enterprise_id", "E2", "sector", "C358", "view", "verified"))
                .isCloseTo(0.5, within(EPSILON));
        assertThat(value(scrape, "maturity_enterprise_contradictions", "enterprise_id", "E2", "sector", "C358")).isZero();
    }

    @Test
    void kpisAreTheRollingValuesThatAreDefined() {
        scenario();
        PrometheusScrape scrape = scrape();

        assertThat(value(scrape, "maturity_kpi", "enterprise_id", "E1", "sector", "C272", "kpi", "oee"))
                .isCloseTo(0.59375, within(EPSILON));
        assertThat(value(scrape, "maturity_kpi", "enterprise_id", "E1", "sector", "C272", "kpi", "networkingRate"))
                .isCloseTo(0.5, within(EPSILON));
        // the key-equipment rates are KPIs like the others: one of three key-process machines reading
        assertThat(value(scrape, "maturity_kpi", "enterprise_id", "E1", "sector", "C272", "kpi",
                "keyEquipmentNetworkingRate")).isCloseTo(1.0 / 3, within(EPSILON));
        // quality has no value (undefined for the window): no series. E9 is in no reference data: sector unknown.
        assertThat(value(scrape, "maturity_kpi", "enterprise_id", "E9", "sector", "unknown", "kpi", "mkt"))
                .isCloseTo(6.5, within(EPSILON));
        assertThat(scrape.samples("maturity_kpi")).hasSize(4);
    }

    @Test
    void sectorSeriesCarryTheStatisticsAndEveryLevel() {
        scenario();
        PrometheusScrape scrape = scrape();

        assertThat(value(scrape, "maturity_sector_score", "sector", "C272", "stat", "mean")).isCloseTo(1.6, within(EPSILON));
        assertThat(value(scrape, "maturity_sector_score", "sector", "C272", "stat", "median")).isCloseTo(1.5, within(EPSILON));
        assertThat(value(scrape, "maturity_sector_score", "sector", "C272", "stat", "declared_mean"))
                .isCloseTo(2.4, within(EPSILON));
        assertThat(value(scrape, "maturity_sector_ratio", "sector", "C272", "ratio", "at_least_level2"))
                .isCloseTo(0.25, within(EPSILON));
        assertThat(value(scrape, "maturity_sector_ratio", "sector", "C272", "ratio", "contradiction_rate"))
                .isCloseTo(0.75, within(EPSILON));
        // levelDistribution has levels 1 and 2 only; 0, 3, 4 and 5 show 0.
        assertThat(value(scrape, "maturity_sector_enterprises", "sector", "C272", "level", "1")).isEqualTo(3);
        assertThat(value(scrape, "maturity_sector_enterprises", "sector", "C272", "level", "2")).isEqualTo(1);
        assertThat(value(scrape, "maturity_sector_enterprises", "sector", "C272", "level", "0")).isZero();
        assertThat(value(scrape, "maturity_sector_enterprises", "sector", "C272", "level", "5")).isZero();
        assertThat(scrape.samples("maturity_sector_enterprises")).hasSize(6);
        assertThat(value(scrape, "maturity_sector_subdomain_score", "sector", "C272", "sub_domain", "people.strategy"))
                .isCloseTo(0.75, within(EPSILON));
        assertThat(value(scrape, "maturity_sector_ratio", "sector", "C272", "ratio", "at_least_level3")).isZero();
        assertThat(value(scrape, "maturity_sector_tier_enterprises", "sector", "C272", "tier", "basic")).isEqualTo(1);
        assertThat(value(scrape, "maturity_sector_tier_enterprises", "sector", "C272", "tier", "leading")).isZero();
        assertThat(value(scrape, "maturity_sector_scenarios", "sector", "C272", "state", "deployed")).isEqualTo(6);
        assertThat(value(scrape, "maturity_sector_scenarios", "sector", "C272", "state", "verified")).isEqualTo(3);
    }

    @Test
    void programmeSeriesCarryEachTargetsFigures() {
        stores.put(StoreNames.MATURITY_PROGRAMME, List.of(KeyValue.pair("shanghai-pharma", ProgrammeProgress
                .newBuilder().setEventId("P1").setEventTime(AS_OF).setProgrammeId("shanghai-pharma")
                .setEvaluationDay(java.time.LocalDate.parse("2026-03-01"))
                .setBenchmark(new ProgrammeTarget(10, 1, List.of("E1"), 0, List.of(), 2, List.of("E2", "E3")))
                .setPioneer(new ProgrammeTarget(30, 0, List.of(), 3, List.of("E1", "E2", "E3"), 1, List.of("E4")))
                .setScenario(new ProgrammeTarget(100, 2, List.of("E1|a", "E1|b"), 4, List.of("E1|a", "E1|b",
                        "E2|a", "E3|c"), 0, List.of()))
                .build())));
        PrometheusScrape scrape = scrape();

        assertThat(value(scrape, "maturity_programme_target", "target", "benchmark")).isEqualTo(10);
        assertThat(value(scrape, "maturity_programme_target", "target", "scenario")).isEqualTo(100);
        assertThat(value(scrape, "maturity_programme_awarded", "target", "scenario")).isEqualTo(2);
        assertThat(value(scrape, "maturity_programme_candidates", "target", "pioneer")).isEqualTo(3);
        assertThat(value(scrape, "maturity_programme_close_candidates", "target", "benchmark")).isEqualTo(2);
        // 4 series * 3 targets
        assertThat(scrape.samplesStartingWith("maturity_programme_")).hasSize(12);
    }

    @Test
    void eachTierOfTheReadinessIsAnEnterpriseSeries() {
        scenario();
        PrometheusScrape scrape = scrape();

        // E1 is eligible for basic only (its readiness below); E2 has no readiness (a result of before the tiers)
        assertThat(value(scrape, "maturity_enterprise_tier_eligible", "enterprise_id", "E1", "sector", "C272",
                "tier", "basic")).isEqualTo(1);
        assertThat(value(scrape, "maturity_enterprise_tier_eligible", "enterprise_id", "E1", "sector", "C272",
                "tier", "advanced")).isZero();
        assertThat(scrape.samples("maturity_enterprise_tier_eligible")).hasSize(2);
    }

    @Test
    void deployedScenariosAreCountedPerLinkAndEvidence() {
        EnterpriseMaturity e3 = EnterpriseMaturity.newBuilder(maturity("E3", "C272",
                view(List.of(0.5, 0.0, 0.0, 0.0, 0.0), 0.5, 0, List.of()),
                view(List.of(0.5, 0.0, 0.0, 0.0, 0.0), 0.5, 0, List.of()), List.of(), 0.0, 0.0, List.of()))
                .setScenarios(List.of(
                        scenario("production-operations", ScenarioStatus.DEPLOYED, ScenarioEvidenceStatus.VERIFIED),
                        scenario("production-operations", ScenarioStatus.DEPLOYED, ScenarioEvidenceStatus.CONTRADICTED),
                        scenario("production-operations", ScenarioStatus.DEPLOYED, ScenarioEvidenceStatus.UNVERIFIED),
                        scenario("factory-construction", ScenarioStatus.DEPLOYED, ScenarioEvidenceStatus.VERIFIED),
                        scenario("sales-service", ScenarioStatus.PILOT, ScenarioEvidenceStatus.NOT_DEPLOYED)))
                .build();
        stores.put(StoreNames.MATURITY_ENTERPRISE_LATEST, List.of(KeyValue.pair("E3", e3)));
        PrometheusScrape scrape = scrape();

        // production-operations: 3 deployed, 1 verified, 1 contradicted (the unverified one counts as deployed only)
        assertThat(value(scrape, "maturity_enterprise_scenarios", "enterprise_id", "E3", "sector", "C272",
                "link", "production-operations", "state", "deployed")).isEqualTo(3);
        assertThat(value(scrape, "maturity_enterprise_scenarios", "enterprise_id", "E3", "sector", "C272",
                "link", "production-operations", "state", "verified")).isEqualTo(1);
        assertThat(value(scrape, "maturity_enterprise_scenarios", "enterprise_id", "E3", "sector", "C272",
                "link", "production-operations", "state", "contradicted")).isEqualTo(1);
        // factory-construction: 1 deployed and verified, 0 contradicted; the pilot of sales-service has no series
        assertThat(value(scrape, "maturity_enterprise_scenarios", "enterprise_id", "E3", "sector", "C272",
                "link", "factory-construction", "state", "contradicted")).isZero();
        assertThat(scrape.samples("maturity_enterprise_scenarios")).hasSize(2 * 3);
    }

    @Test
    void aStoreThatCannotBeQueriedLeavesOutOnlyItsSeries() {
        scenario();
        stores.remove(StoreNames.MATURITY_SECTOR);
        stores.remove(StoreNames.REF_ENTERPRISE);
        PrometheusScrape scrape = scrape();

        assertThat(scrape.samplesStartingWith("maturity_sector_")).isEmpty();
        // Without ref.enterprise, E1 keeps the sector of its result and E9's KPIs have none.
        assertThat(value(scrape, "maturity_enterprise_score", "enterprise_id", "E1", "sector", "C271", "view", "verified"))
                .isCloseTo(1.6, within(EPSILON));
        assertThat(value(scrape, "maturity_kpi", "enterprise_id", "E1", "sector", "unknown", "kpi", "oee"))
                .isCloseTo(0.59375, within(EPSILON));
    }

    @Test
    void everyGroupHasItsGroupSeriesAndOnlySectorsTheSectorSeries() {
        scenario();
        SectorMaturity c272 = (SectorMaturity) stores.get(StoreNames.MATURITY_SECTOR).get(0).value;
        List<KeyValue<String, SectorMaturity>> groups = new ArrayList<>();
        groups.add(KeyValue.pair("C272", c272));
        groups.add(KeyValue.pair("district:Pudong", SectorMaturity.newBuilder(c272)
                .setGroupKind(GroupKind.DISTRICT).setSector("ALL").setDistrict("Pudong").setEnterprises(2)
                .setMeanScore(2.5).setShareAtLeastLevel3(0.5).build()));
        stores.put(StoreNames.MATURITY_SECTOR, groups);
        PrometheusScrape scrape = scrape();

        assertThat(value(scrape, "maturity_group_enterprises", "kind", "district", "group", "district:Pudong"))
                .isEqualTo(2);
        assertThat(value(scrape, "maturity_group_mean_score", "kind", "district", "group", "district:Pudong"))
                .isEqualTo(2.5);
        assertThat(value(scrape, "maturity_group_share_level3_or_higher", "kind", "district", "group",
                "district:Pudong")).isEqualTo(0.5);
        assertThat(value(scrape, "maturity_group_enterprises", "kind", "sector", "group", "C272")).isEqualTo(4);
        assertThat(value(scrape, "maturity_group_mean_score", "kind", "sector", "group", "C272")).isEqualTo(1.6);
        // the district is no sector: the maturity_sector_* series keep C272 alone
        assertThat(scrape.samplesStartingWith("maturity_sector_")).allMatch(sample -> "C272".equals(
                sample.labels().get("sector")));
    }

    @Test
    void noQueryableStoreGivesNoMaturitySeries() {
        assertThat(scrape().samplesStartingWith("maturity_")).isEmpty();
    }

    private void scenario() {
        stores.put(StoreNames.REF_ENTERPRISE, List.of(KeyValue.pair("E1", TestRecords.enterprise("E1", "C272"))));
        stores.put(StoreNames.MATURITY_ENTERPRISE_LATEST, List.of(
                KeyValue.pair("E1", maturity("E1", "C271",
                        view(List.of(1.0, 0.9, 0.5, 0.0, 0.0), 2.4, 2, List.of()),
                        view(List.of(1.0, 0.6, 0.2, 0.0, 0.0), 1.6, 1, List.of(
                                new SubDomainScore("people.strategy", 1, 1.0),
                                new SubDomainScore("people.strategy", 2, 0.5),
                                new SubDomainScore("manufacturing.quality", 2, 0.25))),
                        List.of(new Contradiction("NET-L2-01", "R-NET-1", "networkingRate", 0.3, 0.6, Grade.FULL,
                                Grade.PARTLY)), 0.5, 0.25, List.of(new TierReadiness("basic", true, List.of()),
                                        new TierReadiness("advanced", false, List.of("verified level 1 < 2"))))),
                KeyValue.pair("E2", maturity("E2", "C358",
                        view(List.of(0.5, 0.0, 0.0, 0.0, 0.0), 0.5, 0, List.of()),
                        view(List.of(0.5, 0.0, 0.0, 0.0, 0.0), 0.5, 0, List.of()), List.of(), 0.0, 0.0, List.of()))));
        stores.put(StoreNames.KPI_ENTERPRISE_ROLLING, List.of(
                KeyValue.pair("E1", kpis("E1", Map.of("oee", rolling(0.59375), "networkingRate", rolling(0.5),
                        "keyEquipmentNetworkingRate", rolling(1.0 / 3), "quality", rolling(null)))),
                KeyValue.pair("E9", kpis("E9", Map.of("mkt", rolling(6.5))))));
        stores.put(StoreNames.MATURITY_SECTOR, List.of(KeyValue.pair("C272", SectorMaturity.newBuilder()
                .setEventId("S1").setEventTime(AS_OF).setSector("C272").setAsOf(AS_OF).setEnterprises(4)
                .setLevelDistribution(Map.of("1", 3, "2", 1)).setMeanScore(1.6).setMedianScore(1.5)
                .setShareAtLeastLevel2(0.25).setSubDomainMeans(Map.of("people.strategy", 0.75))
                .setContradictionRate(0.75).setDeclaredMeanScore(2.4).setShareAtLeastLevel3(0.0)
                .setTierCounts(Map.of("basic", 1, "advanced", 0, "excellent", 0, "leading", 0))
                .setScenariosDeployed(6).setScenariosVerified(3).build())));
    }

    private PrometheusScrape scrape() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.getPrometheusRegistry().register(new MaturityGauges(new MapStores()));
        return PrometheusScrape.parse(registry.scrape());
    }

    private static double value(PrometheusScrape scrape, String name, String... labels) {
        return scrape.value(name, labels).orElseThrow(() -> new AssertionError("no series " + name
                + List.of(labels) + " in the scrape"));
    }

    private static MaturityView view(List<Double> levelScores, double score, int level, List<SubDomainScore> subDomains) {
        return new MaturityView(levelScores, score, level, subDomains);
    }

    private static EnterpriseMaturity maturity(String id, String sector, MaturityView declared, MaturityView verified,
            List<Contradiction> contradictions, double coverage, double confirmation, List<TierReadiness> readiness) {
        return EnterpriseMaturity.newBuilder().setEventId("M-" + id).setEventTime(AS_OF).setEnterpriseId(id)
                .setSector(sector).setAsOf(AS_OF).setModelVersion("cmmm-2020-reference").setDeclared(declared)
                .setVerified(verified).setRequirements(List.of()).setContradictions(contradictions)
                .setKpis(Map.of()).setEvidenceCoverage(coverage).setConfirmationRatio(confirmation)
                .setTiers(new SmartFactoryTiers(false, false, false, false)).setTierReadiness(readiness).build();
    }

    private static ScenarioAssessment scenario(String link, ScenarioStatus status, ScenarioEvidenceStatus evidence) {
        return ScenarioAssessment.newBuilder().setScenarioId(link + ".s").setLink(link).setTierLink(link)
                .setStatus(status).setAiEnabled(false).setEvidenceStatus(evidence).build();
    }

    private static KpiValue rolling(Double value) {
        return new KpiValue(value, 1.0, "P30D");
    }

    private static EnterpriseKpi kpis(String id, Map<String, KpiValue> values) {
        return EnterpriseKpi.newBuilder().setEventId("K-" + id).setEventTime(AS_OF).setEnterpriseId(id)
                .setDay(java.time.LocalDate.parse("2026-03-01")).setAsOf(AS_OF).setValues(values).build();
    }

    /** The stores of {@link #stores}; a store missing from the map cannot be queried. */
    private final class MapStores implements StoreEntries {
        @Override
        @SuppressWarnings("unchecked")
        public <V> Optional<List<KeyValue<String, V>>> entries(String storeName) {
            return Optional.ofNullable((List<KeyValue<String, V>>) stores.get(storeName));
        }
    }
}

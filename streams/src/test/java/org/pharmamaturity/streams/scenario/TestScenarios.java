package org.pharmamaturity.streams.scenario;

import java.util.List;
import java.util.Optional;

import org.pharmamaturity.evaluation.kpi.KpiValue;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;

/**
 * A small scenario catalogue for tests, and a verifier that holds a scenario when its first indicator is at least
 * 0.5 (CONTRADICTED below, UNVERIFIED without a value): enough to drive each evidence status through the pipeline.
 */
public final class TestScenarios {

    /** The test catalogue's version. */
    public static final String VERSION = "scenarios-test";

    /** Four scenarios of four tier links. */
    public static final ScenarioCatalogue CATALOGUE = new ScenarioCatalogue() {
        @Override
        public Optional<String> catalogueVersion() {
            return Optional.of(VERSION);
        }

        @Override
        public List<CatalogueScenario> scenarios() {
            return List.of(
                    new CatalogueScenario("S-OPS", "生产作业", "生产作业", "设备运行监控", "Equipment monitoring",
                            List.of("keyProcessDigitalControlRate")),
                    new CatalogueScenario("S-MGT", "生产管理", "生产管理", "生产进度跟踪", "Production tracking",
                            List.of("networkingRate")),
                    new CatalogueScenario("S-RND", "产品研发", "研发设计", "产品数字化设计", "Digital product design",
                            List.of("oee")),
                    new CatalogueScenario("S-LOG", "供应链管理", "运营管理", "供应链物流智能配送", "Smart logistics",
                            List.of("coldChainLoggingCompliance")));
        }
    };

    private TestScenarios() {
    }

    /** The test catalogue with the 0.5 rule. */
    public static Scenarios withIndicatorRule() {
        return new Scenarios(CATALOGUE, (scenario, kpis) -> {
            String indicator = scenario.indicators().get(0);
            Optional<KpiValue> value = kpis == null ? Optional.empty() : kpis.value(indicator);
            if (value.isEmpty()) {
                return new ScenarioVerdict(ScenarioEvidenceStatus.UNVERIFIED, "no " + indicator);
            }
            return value.get().value() >= 0.5
                    ? new ScenarioVerdict(ScenarioEvidenceStatus.VERIFIED, indicator + " >= 0.5")
                    : new ScenarioVerdict(ScenarioEvidenceStatus.CONTRADICTED, indicator + " < 0.5");
        });
    }
}

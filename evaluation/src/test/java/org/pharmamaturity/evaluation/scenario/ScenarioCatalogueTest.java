package org.pharmamaturity.evaluation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.json.DataFileException;
import org.pharmamaturity.evaluation.json.Json;
import org.pharmamaturity.evaluation.json.ResourceText;

/** The built-in scenarios-2025 catalogue holds the 2025 guide's 8 links and 40 scenarios, and bad files are rejected. */
class ScenarioCatalogueTest {

    private static final ScenarioCatalogue CATALOGUE = ScenarioCatalogueReader.builtIn();

    @Test
    void eightLinksFortyScenariosAsInTheGuide() {
        assertThat(CATALOGUE.catalogueVersion()).isEqualTo("scenarios-2025");
        Map<String, Long> perLink = new LinkedHashMap<>();
        CATALOGUE.links().forEach(link -> perLink.put(link.nameZh(),
                CATALOGUE.scenarios().stream().filter(s -> s.link().equals(link.link())).count()));
        assertThat(perLink).containsExactly(Map.entry("工厂建设", 3L), Map.entry("产品研发", 2L), Map.entry("工艺设计", 2L),
                Map.entry("生产管理", 12L), Map.entry("生产作业", 10L), Map.entry("运营管理", 4L), Map.entry("产品服务", 3L),
                Map.entry("供应链管理", 4L));
        assertThat(CATALOGUE.scenarios()).hasSize(40);
        assertThat(CATALOGUE.scenarios()).extracting(Scenario::nameZh).contains("数字孪生工厂构建", "碳资产全生命周期管理",
                "设备故障诊断与预测", "供应链风险预警与调度");
        assertThat(CATALOGUE.scenarios()).allSatisfy(s -> {
            assertThat(s.scenarioId()).startsWith(s.link() + ".");
            assertThat(s.nameEn()).isNotBlank();
            assertThat(s.source()).startsWith("public-summary");
        });
    }

    @Test
    void theEightLinksCountForTheFiveTierLinks() {
        assertThat(CATALOGUE.tierLinks()).extracting(TierLink::nameZh)
                .containsExactly("工厂建设", "研发设计", "生产作业", "生产管理", "运营管理");
        Map<String, String> tierOf = new LinkedHashMap<>();
        CATALOGUE.links().forEach(link -> tierOf.put(link.nameZh(),
                CATALOGUE.tierLink(link.tierLink()).orElseThrow().nameZh()));
        // 研发设计 = 产品研发 + 工艺设计; 运营管理 = 运营管理 + 产品服务 + 供应链管理 (the project's assumption)
        assertThat(tierOf).containsExactly(Map.entry("工厂建设", "工厂建设"), Map.entry("产品研发", "研发设计"),
                Map.entry("工艺设计", "研发设计"), Map.entry("生产管理", "生产管理"), Map.entry("生产作业", "生产作业"),
                Map.entry("运营管理", "运营管理"), Map.entry("产品服务", "运营管理"), Map.entry("供应链管理", "运营管理"));
        assertThat(CATALOGUE.scenario("supply-chain.intelligent-supply-chain-logistics").orElseThrow().tierLink())
                .isEqualTo("operations-management");
    }

    @Test
    void theIndicatorsThatEvidenceScenarios() {
        assertThat(indicatorsOf("production-operations.equipment-monitoring"))
                .containsExactly("networkingRate", "keyEquipmentNetworkingRate");
        assertThat(indicatorsOf("production-operations.precise-quality-traceability")).containsExactly("electronicRecordCoverage");
        assertThat(indicatorsOf("production-management.intelligent-energy-management")).containsExactly("energyMeteringCoverage");
        assertThat(indicatorsOf("production-operations.online-intelligent-inspection"))
                .containsExactly("rightFirstTime", "deviationsPer100Batches");
        assertThat(indicatorsOf("production-operations.quality-analysis-improvement"))
                .containsExactly("rightFirstTime", "deviationsPer100Batches");
        assertThat(indicatorsOf("production-operations.advanced-process-control")).containsExactly("keyProcessDigitalControlRate");
        assertThat(indicatorsOf("factory-construction.digital-twin-factory")).isEmpty();
        // digital infrastructure, energy, APC, inspection, traceability, quality analysis, equipment monitoring and
        // supply-chain logistics: 8 scenarios have evidence in this pipeline, the other 32 stay UNVERIFIED when deployed
        assertThat(CATALOGUE.scenarios().stream().filter(s -> !s.indicators().isEmpty())).hasSize(8);
    }

    @Test
    void aBadCatalogueIsRejectedWithEveryProblem() throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(ResourceText.read("/scenarios/scenarios-2025.json").orElseThrow());
        ((ObjectNode) root.withArray("links").get(0)).put("tierLink", "marketing");
        ArrayNode scenarios = root.withArray("scenarios");
        ((ObjectNode) scenarios.get(1)).put("scenarioId", scenarios.get(0).get("scenarioId").asText());
        ((ObjectNode) scenarios.get(2)).put("link", "astrology");
        ((ObjectNode) scenarios.get(2)).put("scenarioId", "Digital Twin");
        ((ObjectNode) scenarios.get(1).withArray("indicators").get(0)).put("indicator", "happiness");
        DataFileException e = catchThrowableOfType(DataFileException.class,
                () -> ScenarioCatalogueReader.read(root.toString(), "s.json"));
        assertThat(e.getMessage()).startsWith("scenario catalogue s.json is not usable (5 problems)");
        assertThat(e.problems()).hasSize(5);
        assertThat(e.problems().subList(0, 4)).containsExactly(
                "links: 'factory-construction' counts for tier link 'marketing', which is not in tierLinks",
                "scenarios: duplicate id 'factory-construction.digital-factory-planning'",
                "scenario factory-construction.digital-factory-planning: indicator 'happiness' is unknown; known indicators: "
                        + String.join(", ", org.pharmamaturity.evaluation.model.Indicators.KNOWN.stream().sorted().toList()),
                "scenarios: id 'Digital Twin' is not a lower-case ascii id such as production-operations.equipment-monitoring");
        assertThat(e.problems().get(4)).isEqualTo("scenario Digital Twin: link 'astrology' is not in links");
    }

    private static List<String> indicatorsOf(String scenarioId) {
        return CATALOGUE.scenario(scenarioId).orElseThrow().indicators().stream().map(ScenarioIndicator::indicator).toList();
    }
}

package org.pharmamaturity.evaluation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.json.Json;

/** The built-in cmmm-process-v1 and cmmm-discrete-v1: public-summary weights over the reference structure. */
class WeightedModelsTest {

    private static final MaturityModel REFERENCE = ModelLoader.reference();
    private static final MaturityModel PROCESS = ModelLoader.builtIn("cmmm-process-v1");
    private static final MaturityModel DISCRETE = ModelLoader.builtIn("cmmm-discrete-v1");

    @Test
    void processWeightsAreTheEvaluationDomainWeightSplitEqually() {
        Map<String, Double> expected = new LinkedHashMap<>();
        // 组织战略 7 % over 2 sub-domains: 0.07 / 2 = 0.035
        expected.put("people.strategy", 0.035);
        expected.put("people.skills", 0.035);
        // 工厂建设 24 % over 5: 0.24 / 5 = 0.048
        expected.put("technology.data", 0.048);
        expected.put("technology.integration", 0.048);
        expected.put("technology.security", 0.048);
        expected.put("resources.equipment", 0.048);
        expected.put("resources.network", 0.048);
        // 研发设计 4 % over 2: 0.02
        expected.put("manufacturing.design.product", 0.02);
        expected.put("manufacturing.design.process", 0.02);
        // 业务运营 23 % over 5: 0.046 (procurement is business operations, not production)
        expected.put("manufacturing.production.procurement", 0.046);
        // 生产作业 42 % over 6: 0.42 / 6 = 0.07
        expected.put("manufacturing.production.planning", 0.07);
        expected.put("manufacturing.production.operations", 0.07);
        expected.put("manufacturing.production.maintenance", 0.07);
        expected.put("manufacturing.production.warehousing", 0.07);
        expected.put("manufacturing.production.ehs", 0.07);
        expected.put("manufacturing.production.energy", 0.07);
        expected.put("manufacturing.logistics", 0.046);
        expected.put("manufacturing.sales", 0.046);
        expected.put("manufacturing.service.customer", 0.046);
        expected.put("manufacturing.service.product", 0.046);
        assertEffectiveWeights(PROCESS, expected);
    }

    @Test
    void discreteWeightsAreTheEvaluationDomainWeightSplitEqually() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("people.strategy", 0.035); // 0.07 / 2
        expected.put("people.skills", 0.035);
        expected.put("technology.data", 0.03); // 0.15 / 5
        expected.put("technology.integration", 0.03);
        expected.put("technology.security", 0.03);
        expected.put("resources.equipment", 0.03);
        expected.put("resources.network", 0.03);
        expected.put("manufacturing.design.product", 0.055); // 0.11 / 2
        expected.put("manufacturing.design.process", 0.055);
        expected.put("manufacturing.production.procurement", 0.06); // 0.30 / 5
        expected.put("manufacturing.production.planning", 0.37 / 6); // 0.0616667
        expected.put("manufacturing.production.operations", 0.37 / 6);
        expected.put("manufacturing.production.maintenance", 0.37 / 6);
        expected.put("manufacturing.production.warehousing", 0.37 / 6);
        expected.put("manufacturing.production.ehs", 0.37 / 6);
        expected.put("manufacturing.production.energy", 0.37 / 6);
        expected.put("manufacturing.logistics", 0.06);
        expected.put("manufacturing.sales", 0.06);
        expected.put("manufacturing.service.customer", 0.06);
        expected.put("manufacturing.service.product", 0.06);
        assertEffectiveWeights(DISCRETE, expected);
    }

    @Test
    void aTerminatingShareIsExactNotMerelyClose() {
        // 0.42 / 6 divides exactly in decimal: W = 0.07 with no trailing digits
        assertThat(EffectiveWeights.of(PROCESS).get("manufacturing.production.operations")).isEqualByComparingTo("0.07");
        // the reference model keeps the product of its placeholder weights: 0.25 x 0.2 x (1/7 as written)
        assertThat(EffectiveWeights.of(REFERENCE).get("manufacturing.production.operations").doubleValue())
                .isCloseTo(0.25 * 0.2 / 7, within(1e-15));
    }

    @Test
    void theStructureWeightsMultiplyToTheSameEffectiveWeights() {
        // e.g. process operations: manufacturing 0.69 x production (0.466 / 0.69) x operations (0.07 / 0.466) = 0.07
        for (MaturityModel model : List.of(PROCESS, DISCRETE)) {
            Map<String, BigDecimal> grouped = EffectiveWeights.of(model);
            EffectiveWeights.ofStructure(model.structure()).forEach((subDomain, product) ->
                    assertThat(product.doubleValue()).as(subDomain).isCloseTo(grouped.get(subDomain).doubleValue(), within(1e-12)));
        }
        assertThat(PROCESS.structure()).extracting(StructureElement::weight)
                // people 0.07; technology 3 x 0.048 = 0.144; resources 2 x 0.048 = 0.096; manufacturing 1 - 0.31 = 0.69
                .containsExactly(0.07, 0.144, 0.096, 0.69);
    }

    @Test
    void sameSubDomainsCatalogueAndParametersAsTheReferenceWithPublicSummaryWeights() {
        for (MaturityModel model : List.of(PROCESS, DISCRETE)) {
            assertThat(model.requirements()).isEqualTo(REFERENCE.requirements());
            assertThat(model.parameters()).isEqualTo(REFERENCE.parameters());
            assertThat(EffectiveWeights.of(model).keySet()).containsExactlyElementsOf(EffectiveWeights.of(REFERENCE).keySet());
            assertThat(model.evaluationDomains()).extracting(EvaluationDomain::nameZh)
                    .containsExactly("组织战略", "工厂建设", "研发设计", "生产作业", "业务运营");
            assertThat(model.evaluationDomains()).allSatisfy(domain -> {
                assertThat(domain.weightSource()).isEqualTo(WeightSource.PUBLIC_SUMMARY);
                assertThat(domain.source()).startsWith("public-summary: GitHub wlwqgf/tiangongzhiti");
            });
            assertThat(model.structure()).allSatisfy(e -> assertThat(e.weightSource()).isEqualTo(WeightSource.PUBLIC_SUMMARY));
            assertThat(model.keyIndicators()).containsExactly(new KeyIndicator("oee", BetterDirection.HIGHER),
                    new KeyIndicator("rightFirstTime", BetterDirection.HIGHER),
                    new KeyIndicator("energyPerUnit", BetterDirection.LOWER));
            assertThat(model.evidenceRules()).allSatisfy(rule -> assertThat(rule.rationale()).startsWith("Project threshold [I]"));
        }
        assertThat(PROCESS.evaluationDomains()).extracting(EvaluationDomain::weight).containsExactly(0.07, 0.24, 0.04, 0.42, 0.23);
        assertThat(DISCRETE.evaluationDomains()).extracting(EvaluationDomain::weight).containsExactly(0.07, 0.15, 0.11, 0.37, 0.30);
        assertThat(PROCESS.manufacturingType()).isEqualTo(ManufacturingType.PROCESS);
        assertThat(DISCRETE.manufacturingType()).isEqualTo(ManufacturingType.DISCRETE);
        assertThat(REFERENCE.manufacturingType()).isNull();
    }

    @Test
    void theRegistryOffersEveryBuiltInModelAndTheChoiceFollowsTheManufacturingType() {
        ModelRegistry registry = ModelRegistry.builtIn();
        assertThat(registry.versions()).containsExactly("cmmm-2020-reference", "cmmm-process-v1", "cmmm-discrete-v1");
        assertThat(registry.find("cmmm-discrete-v1")).contains(DISCRETE);

        ModelChoice choice = ModelChoice.builtIn();
        assertThat(choice.versionFor(ManufacturingType.PROCESS)).isEqualTo("cmmm-process-v1");
        assertThat(choice.versionFor(ManufacturingType.DISCRETE)).isEqualTo("cmmm-discrete-v1");
        assertThat(choice.versionFor(ManufacturingType.MIXED)).isEqualTo("cmmm-2020-reference");
        assertThat(choice.versionFor(null)).isEqualTo("cmmm-2020-reference");
        // the caller decides the default and may override a type
        ModelChoice configured = ModelChoice.of(registry, "cmmm-process-v1").with(ManufacturingType.DISCRETE, "cmmm-2020-reference");
        assertThat(configured.versionFor(ManufacturingType.MIXED)).isEqualTo("cmmm-process-v1");
        assertThat(configured.versionFor(ManufacturingType.DISCRETE)).isEqualTo("cmmm-2020-reference");
        ModelException unknown = catchThrowableOfType(ModelException.class, () -> ModelChoice.of(registry, "cmmm-1999"));
        assertThat(unknown.problems()).containsExactly(
                "the default model is not in force; models in force: cmmm-2020-reference, cmmm-process-v1, cmmm-discrete-v1");
    }

    @Test
    void theNewModelsReloadEqualAndTheReferenceWritesNoNewField() {
        for (MaturityModel model : List.of(PROCESS, DISCRETE)) {
            assertThat(ModelReader.read(ModelWriter.toJson(model), "written")).isEqualTo(model);
        }
        String reference = ModelWriter.toJson(REFERENCE);
        assertThat(reference).doesNotContain("evaluationDomains", "keyIndicators", "manufacturingType");
    }

    @Test
    void aGroupingThatMissesOrRepeatsASubDomainOrDisagreesWithTheStructureIsRejected() {
        ObjectNode root = processTree();
        ((ObjectNode) root.withArray("evaluationDomains").get(2)).put("weightSource", "folklore");
        ModelException e = catchThrowableOfType(ModelException.class, () -> ModelReader.read(root.toString(), "p.json"));
        assertThat(e.problems()).containsExactly(
                "evaluationDomains[2].weightSource: \"folklore\" is not one of official, public-summary, placeholder");

        // people.skills into 工厂建设 as well (it stays in 组织战略), resources.network dropped from it
        ObjectNode regrouped = processTree();
        ArrayNode factoryLinks = (ArrayNode) regrouped.withArray("evaluationDomains").get(1).get("subDomains");
        factoryLinks.add("people.skills");
        factoryLinks.remove(4);
        assertThat(catchThrowableOfType(ModelException.class, () -> ModelReader.read(regrouped.toString(), "p.json")).problems())
                .containsExactly(
                        "evaluationDomains: sub-domain 'people.skills' is in both 'organisation-strategy' and 'factory-construction'; put it in one",
                        "evaluationDomains: sub-domain 'resources.network' is in no evaluation domain");

        ObjectNode reweighted = processTree();
        // 生产作业 0.42 -> 0.41 and 业务运营 0.23 -> 0.24: sums still 1, but the structure now disagrees
        ((ObjectNode) reweighted.withArray("evaluationDomains").get(3)).put("weight", 0.41);
        ((ObjectNode) reweighted.withArray("evaluationDomains").get(4)).put("weight", 0.24);
        List<String> problems = catchThrowableOfType(ModelException.class,
                () -> ModelReader.read(reweighted.toString(), "p.json")).problems();
        // 11 sub-domains change: 6 of production operations, 5 of business operations
        assertThat(problems).hasSize(11);
        assertThat(problems.get(0)).startsWith("structure: the weights of sub-domain 'manufacturing.production.procurement' multiply to ")
                .endsWith("but its evaluation domain gives it 0.048; write the structure's weights so that both agree");
    }

    @Test
    void anUnknownKeyIndicatorOrDirectionIsRejected() {
        ObjectNode root = processTree();
        ((ObjectNode) root.withArray("keyIndicators").get(1)).put("better", "SIDEWAYS");
        assertThat(catchThrowableOfType(ModelException.class, () -> ModelReader.read(root.toString(), "p.json")).problems())
                .containsExactly("keyIndicators[1].better: \"SIDEWAYS\" is not one of HIGHER, LOWER");
        ObjectNode unknown = processTree();
        ((ObjectNode) unknown.withArray("keyIndicators").get(0)).put("indicator", "happiness");
        assertThat(catchThrowableOfType(ModelException.class, () -> ModelReader.read(unknown.toString(), "p.json")).problems())
                .singleElement().asString().startsWith("keyIndicators: 'happiness' is not a known indicator");
    }

    private static ObjectNode processTree() {
        try {
            return (ObjectNode) Json.mapper().readTree(ModelWriter.toJson(PROCESS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertEffectiveWeights(MaturityModel model, Map<String, Double> expected) {
        Map<String, BigDecimal> actual = EffectiveWeights.of(model);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((subDomain, weight) ->
                assertThat(actual.get(subDomain).doubleValue()).as(subDomain).isCloseTo(weight, within(1e-15)));
        // the five evaluation-domain weights add up to 1
        assertThat(actual.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue()).isCloseTo(1.0, within(1e-15));
    }
}

package org.pharmamaturity.evaluation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The shipped cmmm-2020-reference model holds what DESIGN.md section 4 and issue 3 ask for. */
class ReferenceModelTest {

    private static final MaturityModel REFERENCE = ModelLoader.reference();

    private static final List<String> DESIGN_SUB_DOMAINS = List.of(
            "people.strategy", "people.skills", "technology.data", "technology.integration", "technology.security",
            "resources.equipment", "resources.network", "manufacturing.design.product", "manufacturing.design.process",
            "manufacturing.production.procurement", "manufacturing.production.planning",
            "manufacturing.production.operations", "manufacturing.production.maintenance",
            "manufacturing.production.warehousing", "manufacturing.production.ehs", "manufacturing.production.energy",
            "manufacturing.logistics", "manufacturing.sales", "manufacturing.service.customer",
            "manufacturing.service.product");

    @Test
    void hasTheTwentySubDomainsOfTheDesignInFourElementsAndTwelveDomains() {
        assertThat(REFERENCE.modelVersion()).isEqualTo("cmmm-2020-reference");
        assertThat(REFERENCE.structure()).extracting(StructureElement::element)
                .containsExactly("people", "technology", "resources", "manufacturing");
        assertThat(REFERENCE.structure().stream().mapToInt(e -> e.domains().size()).sum()).isEqualTo(12);
        assertThat(subDomains()).containsExactlyElementsOf(DESIGN_SUB_DOMAINS);
    }

    @Test
    void weightsAreEqualPlaceholdersAtEachTier() {
        // 4 elements -> 1/4; people 2 domains -> 1/2; manufacturing 5 -> 1/5; production 7 sub-domains -> 1/7
        assertThat(REFERENCE.structure()).allSatisfy(element -> {
            assertThat(element.weight()).isEqualTo(0.25);
            assertThat(element.weightSource()).isEqualTo(WeightSource.PLACEHOLDER);
            element.domains().forEach(domain -> {
                assertThat(domain.weight()).isCloseTo(1.0 / element.domains().size(), org.assertj.core.data.Offset.offset(1e-15));
                assertThat(domain.weightSource()).isEqualTo(WeightSource.PLACEHOLDER);
                domain.subDomains().forEach(subDomain -> {
                    assertThat(subDomain.weight()).isCloseTo(1.0 / domain.subDomains().size(), org.assertj.core.data.Offset.offset(1e-15));
                    assertThat(subDomain.weightSource()).isEqualTo(WeightSource.PLACEHOLDER);
                });
            });
        });
    }

    @Test
    void everySubDomainHasRequirementsAtTheDocumentedLevels() {
        Map<String, Set<Integer>> levels = new TreeMap<>();
        REFERENCE.requirements().forEach(r -> levels.computeIfAbsent(r.subDomain(), k -> new TreeSet<>()).add(r.level()));
        assertThat(levels.keySet()).containsExactlyInAnyOrderElementsOf(DESIGN_SUB_DOMAINS);
        // The sparse decisions documented in the model's description and the README
        assertThat(levels.get("technology.integration")).containsExactly(2, 3, 4, 5);
        assertThat(levels.get("manufacturing.service.product")).containsExactly(2, 3, 4, 5);
        assertThat(levels.get("resources.network")).containsExactly(1, 2, 3);
        Set<String> withLevel5 = levels.entrySet().stream().filter(e -> e.getValue().contains(5)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(withLevel5).containsExactlyInAnyOrder("people.strategy", "technology.data", "technology.integration",
                "manufacturing.design.product", "manufacturing.design.process", "manufacturing.production.procurement",
                "manufacturing.production.planning", "manufacturing.production.operations", "manufacturing.logistics",
                "manufacturing.sales", "manufacturing.service.customer", "manufacturing.service.product");
        // every sub-domain has every level from its first to its last (no hole in the middle)
        levels.values().forEach(set -> assertThat(set).hasSize(set.stream().mapToInt(i -> i).max().orElseThrow()
                - set.stream().mapToInt(i -> i).min().orElseThrow() + 1));
    }

    @Test
    void everyRequirementIsAReferenceSummary() {
        assertThat(REFERENCE.requirements()).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("reference-summary");
            assertThat(r.statement()).isNotBlank();
        });
        assertThat(REFERENCE.requirements()).hasSize(98);
    }

    @Test
    void evidenceRulesTieTheIssueKpisToTheirSubDomains() {
        Map<String, Set<String>> subDomainsByIndicator = new TreeMap<>();
        REFERENCE.evidenceRules().forEach(rule -> subDomainsByIndicator
                .computeIfAbsent(rule.indicator(), k -> new TreeSet<>()).addAll(rule.subDomains()));
        assertThat(subDomainsByIndicator.get("networkingRate")).contains("resources.equipment", "resources.network");
        assertThat(subDomainsByIndicator.get("oee")).contains("manufacturing.production.operations",
                "manufacturing.production.maintenance");
        assertThat(subDomainsByIndicator.get("electronicRecordCoverage")).contains("manufacturing.production.operations");
        assertThat(subDomainsByIndicator.get("rightFirstTime")).contains("manufacturing.production.operations");
        assertThat(subDomainsByIndicator.get("coldChainLoggingCompliance")).contains("manufacturing.logistics",
                "manufacturing.production.warehousing");
        assertThat(subDomainsByIndicator.get("energyMeteringCoverage")).contains("manufacturing.production.energy");
        assertThat(REFERENCE.evidenceRules()).allSatisfy(rule -> assertThat(rule.rationale()).startsWith("Project threshold [I]"));
    }

    @Test
    void parametersAreTheRecalledGbT39117Ones() {
        assertThat(REFERENCE.parameters().grades()).containsExactly(
                Map.entry(Grade.FULL, 1.0), Map.entry(Grade.LARGELY, 0.8), Map.entry(Grade.PARTLY, 0.5), Map.entry(Grade.NONE, 0.0));
        assertThat(REFERENCE.parameters().passMark()).isEqualTo(0.8);
        assertThat(REFERENCE.parameters().cumulationRule()).isEqualTo(CumulationRule.A);
        assertThat(REFERENCE.parameters().levelThresholds()).containsExactly(0.8, 1.8, 2.8, 3.8, 4.8);
    }

    private static List<String> subDomains() {
        return REFERENCE.structure().stream().flatMap(e -> e.domains().stream()).flatMap(d -> d.subDomains().stream())
                .map(StructureSubDomain::subDomain).toList();
    }
}

package org.pharmamaturity.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The enterprise report's row of an enterprise, field by field. */
class EnterpriseReportTest {

    @Test
    void aRowHoldsScoresTiersScenarioCountsAndKeyKpis() {
        JsonNode e1 = ReportFixtures.rows().get(0);

        assertThat(e1.path("enterpriseId").asText()).isEqualTo("E1");
        assertThat(e1.path("name").asText()).isEqualTo(ReportFixtures.E1_NAME);
        assertThat(e1.path("sector").asText()).isEqualTo("C272");
        assertThat(e1.path("district").asText()).isEqualTo("浦东新区");
        assertThat(e1.path("manufacturingType").asText()).isEqualTo("PROCESS");
        assertThat(e1.path("declaredScore").asDouble()).isEqualTo(3.5);
        assertThat(e1.path("declaredLevel").asInt()).isEqualTo(3);
        assertThat(e1.path("verifiedScore").asDouble()).isEqualTo(2.6);
        assertThat(e1.path("verifiedLevel").asInt()).isEqualTo(2);
        // basic is the only eligible tier, so advanced is next, with its two unmet conditions
        assertThat(e1.path("eligibleTier").asText()).isEqualTo("basic");
        assertThat(e1.path("nextTier").asText()).isEqualTo("advanced");
        assertThat(e1.path("nextTierUnmet").asText()).isEqualTo(ReportFixtures.ADVANCED_UNMET_1 + "; "
                + ReportFixtures.ADVANCED_UNMET_2);
        // DEPLOYED+VERIFIED, DEPLOYED+CONTRADICTED, PILOT: 2 deployed, 1 verified, 1 contradicted
        assertThat(e1.path("scenariosDeployed").asInt()).isEqualTo(2);
        assertThat(e1.path("scenariosVerified").asInt()).isEqualTo(1);
        assertThat(e1.path("scenariosContradicted").asInt()).isEqualTo(1);
        assertThat(e1.path("contradictions").asInt()).isEqualTo(1);
        assertThat(e1.path("oee").asDouble()).isEqualTo(0.59375);
        assertThat(e1.path("networkingRate").asDouble()).isEqualTo(0.75);
        assertThat(e1.path("keyProcessDigitalControlRate").asDouble()).isEqualTo(0.5);
        // not measured: null, an empty cell in the files; availability is not a key KPI, so it has no column
        assertThat(e1.path("keyEquipmentNetworkingRate").isNull()).isTrue();
        assertThat(e1.has("availability")).isFalse();
        assertThat(e1.path("modelVersion").asText()).isEqualTo("cmmm-process-v1");
        assertThat(e1.path("asOf").asText()).isEqualTo("2026-03-01T09:30:00Z");
    }

    @Test
    void withoutAnEligibleTierTheNextIsBasicAndWithoutReferenceDataTheNameIsEmpty() {
        JsonNode e2 = ReportFixtures.rows().get(1);
        assertThat(e2.path("eligibleTier").isNull()).isTrue();
        assertThat(e2.path("nextTier").asText()).isEqualTo("basic");
        assertThat(e2.path("nextTierUnmet").asText()).isEqualTo("verified level 0 < 2");
        assertThat(e2.path("scenariosDeployed").asInt()).isZero();

        JsonNode unknown = EnterpriseReport.row(ReportFixtures.e2(), Optional.empty());
        assertThat(unknown.path("name").isNull()).isTrue();
        assertThat(unknown.path("district").isNull()).isTrue();
        assertThat(unknown.path("sector").asText()).isEqualTo("C358");
    }

    @Test
    void everyColumnIsAFieldOfEveryRow() {
        List<String> headers = EnterpriseReport.COLUMNS.stream().map(ReportColumn::header).toList();
        for (JsonNode row : ReportFixtures.rows()) {
            assertThat(row.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyElementsOf(headers);
        }
        // 16 fixed columns before the 6 KPIs, then modelVersion and asOf
        assertThat(headers).hasSize(16 + 6 + 2);
    }
}

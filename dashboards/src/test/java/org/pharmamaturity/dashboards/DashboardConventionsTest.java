package org.pharmamaturity.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * What provisioning relies on: one fixed datasource uid referenced everywhere (no {@code ${DS_...}} import inputs),
 * stable dashboard uids, the sector and enterprise variables, a query behind every panel.
 */
class DashboardConventionsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyDatasourceReferenceUsesTheProvisionedUid() throws IOException {
        JsonNode provisioned = YAML.readTree(ProjectFiles.PROVISIONED_DATASOURCES.toFile()).path("datasources");
        assertThat(provisioned).hasSize(1);
        String uid = provisioned.get(0).path("uid").asText();
        assertThat(uid).isEqualTo("maturity-prometheus");

        for (Dashboard dashboard : Dashboard.all()) {
            List<JsonNode> references = dashboard.datasourceReferences();
            // At least one per panel plus one per query and per variable.
            assertThat(references).as(dashboard.toString())
                    .hasSizeGreaterThanOrEqualTo(dashboard.panels().size() + dashboard.queries().size());
            for (JsonNode reference : references) {
                assertThat(reference.isObject()).as(dashboard + ": datasource " + reference).isTrue();
                assertThat(reference.path("uid").asText()).as(dashboard + ": datasource " + reference).isEqualTo(uid);
                assertThat(reference.path("type").asText()).as(dashboard + ": datasource " + reference)
                        .isEqualTo(provisioned.get(0).path("type").asText());
            }
        }
    }

    @Test
    void noDashboardAsksForImportInputs() throws IOException {
        for (Dashboard dashboard : Dashboard.all()) {
            String text = Files.readString(dashboard.file());
            assertThat(text).as(dashboard.toString()).doesNotContain("${DS_").doesNotContain("__inputs");
        }
    }

    @Test
    void dashboardsHaveTheirStableUidsAndVariables() {
        Map<String, List<String>> variablesByUid = Dashboard.all().stream()
                .collect(Collectors.toMap(Dashboard::uid, Dashboard::variableNames));

        assertThat(variablesByUid).containsOnlyKeys("maturity-sector-overview", "maturity-enterprise",
                "maturity-pipeline-health", "maturity-programme");
        // the programme is region-wide: no variable
        assertThat(variablesByUid.get("maturity-programme")).isEmpty();
        assertThat(variablesByUid.get("maturity-sector-overview")).containsExactly("sector");
        assertThat(variablesByUid.get("maturity-enterprise")).containsExactly("sector", "enterprise");
        assertThat(variablesByUid.get("maturity-pipeline-health")).containsExactly("instance");
    }

    @Test
    void everyPanelHasAUniqueTitleADescriptionAndAQuery() {
        for (Dashboard dashboard : Dashboard.all()) {
            assertThat(dashboard.panelTitles()).as(dashboard.toString()).doesNotHaveDuplicates().doesNotContain("");
            for (JsonNode panel : dashboard.panels()) {
                String where = dashboard + " / " + panel.path("title").asText();
                assertThat(panel.path("description").asText()).as(where).isNotBlank();
                assertThat(panel.path("targets")).as(where).isNotEmpty();
            }
            for (PanelQuery query : dashboard.queries()) {
                assertThat(query.expr()).as(query.toString()).isNotBlank();
            }
        }
    }

    @Test
    void theDashboardProviderReadsTheFolderComposeMountsTheDashboardsAt() throws IOException {
        String path = YAML.readTree(ProjectFiles.PROVISIONED_DASHBOARDS.toFile()).path("providers").get(0)
                .path("options").path("path").asText();
        List<String> grafanaVolumes = YAML.convertValue(YAML.readTree(ProjectFiles.COMPOSE_FILE.toFile())
                .path("services").path("grafana").path("volumes"), YAML.getTypeFactory()
                .constructCollectionType(List.class, String.class));

        assertThat(grafanaVolumes).contains("./dashboards/grafana:" + path + ":ro",
                "./dashboards/provisioning:/etc/grafana/provisioning:ro");
    }
}

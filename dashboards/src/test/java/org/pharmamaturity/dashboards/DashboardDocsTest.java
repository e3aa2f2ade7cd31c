package org.pharmamaturity.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/dashboards.md (the README's former "Dashboards" section) describes each dashboard under a heading
 * "### Title (`uid`)" and each panel as a bullet "- **Panel title**: what it answers"; the dashboards' panels must
 * be exactly those, in that order.
 */
class DashboardDocsTest {

    private static final Pattern DASHBOARD_HEADING = Pattern.compile("^### (.+) \\(`([a-z0-9-]+)`\\)$");
    private static final Pattern PANEL_BULLET = Pattern.compile("^- \\*\\*(.+?)\\*\\*: \\S.*");

    @Test
    void everyDashboardAndPanelIsDescribedByItsName() throws IOException {
        Map<String, DescribedDashboard> described = describedDashboards();

        assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(
                Dashboard.all().stream().map(Dashboard::uid).toList());
        for (Dashboard dashboard : Dashboard.all()) {
            DescribedDashboard doc = described.get(dashboard.uid());
            assertThat(doc.title()).as("docs/dashboards.md heading of " + dashboard.uid()).isEqualTo(dashboard.title());
            assertThat(doc.panels()).as("docs/dashboards.md panels of " + dashboard.uid())
                    .containsExactlyElementsOf(dashboard.panelTitles());
        }
    }

    private static Map<String, DescribedDashboard> describedDashboards() throws IOException {
        List<String> lines = Files.readAllLines(ProjectFiles.DASHBOARDS_DOC);
        int start = lines.indexOf("## Dashboards");
        assertThat(start).as("docs/dashboards.md has a '## Dashboards' section").isNotNegative();
        Map<String, DescribedDashboard> dashboards = new LinkedHashMap<>();
        DescribedDashboard current = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher heading = DASHBOARD_HEADING.matcher(line);
            Matcher bullet = PANEL_BULLET.matcher(line);
            if (heading.matches()) {
                current = new DescribedDashboard(heading.group(1), new ArrayList<>());
                dashboards.put(heading.group(2), current);
            } else if (line.startsWith("### ")) {
                current = null;
            } else if (current != null && bullet.matches()) {
                current.panels().add(bullet.group(1));
            }
        }
        return dashboards;
    }

    private record DescribedDashboard(String title, List<String> panels) {
    }
}

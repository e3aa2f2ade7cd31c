package org.pharmamaturity.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.testing.ExternalTools;

/**
 * Every dashboard validates against the JSON Schema that ts-json-schema-generator derives from the Dashboard type of
 * {@code @grafana/schema} (npm, pinned in src/test/js/package-lock.json), and the validator does reject a broken one.
 */
@Tag("integration")
class DashboardSchemaTest {

    @BeforeAll
    static void nodeAndThePinnedPackages() {
        ExternalTools.requireProgram("node", "apt-get install nodejs npm");
        ExternalTools.require(Files.isDirectory(ProjectFiles.SCHEMA_CHECK.resolve("node_modules/@grafana/schema")),
                "the npm packages of dashboards/src/test/js", "(cd dashboards/src/test/js && npm ci)");
    }

    @Test
    void everyDashboardMatchesGrafanasDashboardSchema() {
        List<Dashboard> dashboards = Dashboard.all();
        CommandRun run = validate(dashboards.stream().map(Dashboard::file).toList());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().filter(line -> line.startsWith("valid "))).hasSize(4);
        assertThat(dashboards).hasSize(4);
    }

    @Test
    void aPanelWithAMisspeltFieldAndATitleOfTheWrongTypeIsRejected(@TempDir Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode broken = (ObjectNode) json.readTree(Dashboard.all().get(0).file().toFile());
        ((ObjectNode) broken.path("panels").get(0).path("gridPos")).put("wdith", 6);
        ((ObjectNode) broken.path("panels").get(1)).put("title", 42);
        broken.remove("schemaVersion");
        Path file = dir.resolve("broken.json");
        json.writeValue(file.toFile(), broken);

        CommandRun run = validate(List.of(file));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("/panels/0/gridPos must NOT have additional properties")
                .contains("\"additionalProperty\":\"wdith\"")
                .contains("/panels/1/title must be string")
                .contains("must have required property 'schemaVersion'");
    }

    private static CommandRun validate(List<Path> files) {
        List<String> command = new ArrayList<>(List.of("node", "validate-dashboards.js"));
        files.forEach(file -> command.add(file.toAbsolutePath().toString()));
        return CommandRun.of(ProjectFiles.SCHEMA_CHECK, command);
    }
}

package org.pharmamaturity.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.testing.ExternalTools;

/** prometheus.yml and the alert rules pass promtool, and the rules' unit tests (alerts-test.yml) pass. */
@Tag("integration")
class PrometheusConfigTest {

    /** Where docker-compose.yml mounts the secret with the regulator token Prometheus scrapes /metrics with. */
    static final String SCRAPE_TOKEN_MOUNT = "/run/secrets/scrape-token";

    @BeforeAll
    static void promtool() {
        ExternalTools.requireProgram("promtool", "apt-get install prometheus");
    }

    @Test
    void configIsValidAndLoadsTheRuleFile(@TempDir Path dir) throws IOException {
        // promtool checks that the token file exists: the compose secret's mount point is given one here.
        String config = Files.readString(ProjectFiles.PROMETHEUS.resolve("prometheus.yml"));
        assertThat(config).contains("credentials_file: " + SCRAPE_TOKEN_MOUNT);
        Path token = Files.writeString(dir.resolve("scrape-token"), "a-regulator-token");
        Files.writeString(dir.resolve("prometheus.yml"), config.replace(SCRAPE_TOKEN_MOUNT, token.toString()));
        Files.copy(ProjectFiles.PROMETHEUS.resolve("alerts.yml"), dir.resolve("alerts.yml"));

        CommandRun run = CommandRun.of(dir, List.of("promtool", "check", "config", "prometheus.yml"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void rulesAreValid() {
        CommandRun run = CommandRun.of(ProjectFiles.PROMETHEUS, List.of("promtool", "check", "rules", "alerts.yml"));

        // Dead letters rising, stream thread dead, stream thread failed, lag growing, cold-chain excursion.
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS: 5 rules found");
    }

    @Test
    void alertRuleUnitTestsPass() {
        CommandRun run = CommandRun.of(ProjectFiles.PROMETHEUS, List.of("promtool", "test", "rules", "alerts-test.yml"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS").doesNotContain("FAILED");
    }
}

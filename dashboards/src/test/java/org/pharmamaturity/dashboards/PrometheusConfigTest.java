package org.pharmamaturity.dashboards;

import org.pharmamaturity.embedded.ExternalTools;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** prometheus.yml and the alert rules pass promtool, and the rules' unit tests (alerts-test.yml) pass. */
class PrometheusConfigTest {

    @BeforeAll
    static void promtool() {
        ExternalTools.requireProgram("promtool", "apt-get install prometheus");
    }

    @Test
    void configIsValidAndLoadsTheRuleFile() {
        CommandRun run = CommandRun.of(ProjectFiles.PROMETHEUS, List.of("promtool", "check", "config", "prometheus.yml"));

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

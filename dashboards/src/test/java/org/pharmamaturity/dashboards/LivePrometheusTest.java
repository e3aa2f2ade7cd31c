package org.pharmamaturity.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.local.LocalStack;
import org.pharmamaturity.local.LocalStackSettings;
import org.pharmamaturity.testing.ExternalTools;

/**
 * The dashboards against live data: the local stack (broker, registry, service, simulator) runs, a real Prometheus
 * scrapes the service's /metrics every two seconds with the regulator's token (as in docker-compose: without one,
 * /metrics names no enterprise and the enterprise panels would stay empty), and every panel query of every dashboard, with its variables bound
 * to real label values, must answer with a series and a number. A dashboard passes when one binding of its
 * variables (e.g. one enterprise) makes every one of its panels show data.
 */
@Tag("integration")
class LivePrometheusTest {

    /** A simulated month takes 10 minutes; the daily KPIs and cold-chain figures need simulated days. */
    private static final Duration DATA_DEADLINE = Duration.ofMinutes(12);

    @TempDir
    Path dir;

    @Test
    void everyPanelQueryOfEveryDashboardAnswersWithData() throws Exception {
        ExternalTools.requireProgram("prometheus", "apt-get install prometheus");
        List<Dashboard> dashboards = Dashboard.all();
        // 16 queries on the sector overview (13 panels of one, Shanghai's targets with three), 15 on the
        // enterprise drill-down (14 panels, evidence coverage with two), 10 on pipeline health (8 panels, processing
        // latency and state restoration with two), 18 on programme progress (3 target panels of four, 6 of one):
        // 16 + 15 + 10 + 18 = 59.
        assertThat(dashboards.stream().mapToInt(dashboard -> dashboard.queries().size()).sum()).isEqualTo(59);

        LocalStackSettings settings = LocalStackSettings.fromArgs("--data-dir=" + dir.resolve("stack"),
                "--kafka-port=" + LoopbackPorts.freePort(), "--kafka-controller-port=" + LoopbackPorts.freePort(),
                "--registry-port=" + LoopbackPorts.freePort(), "--registry-management-port=" + LoopbackPorts.freePort(),
                "--api-port=" + LoopbackPorts.freePort());
        try (LocalStack stack = LocalStack.start(settings);
             PrometheusServer prometheus = PrometheusServer.start(Files.createDirectories(dir.resolve("prometheus")),
                     stack.apiUrl().substring("http://".length()), stack.apiTokens().get("regulator"))) {
            await("Prometheus ready").atMost(Duration.ofMinutes(1)).until(prometheus::ready);
            await("the service scraped").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> prometheus.query("up{job=\"" + PrometheusServer.JOB + "\"} == 1").size() == 1);

            Map<String, Result> results = new LinkedHashMap<>();
            try {
                await("every panel query answering").atMost(DATA_DEADLINE).pollInterval(Duration.ofSeconds(20))
                        .until(() -> {
                            dashboards.forEach(dashboard -> results.put(dashboard.uid(), check(dashboard, prometheus)));
                            return results.values().stream().allMatch(result -> result.problems().isEmpty());
                        });
            } catch (ConditionTimeoutException e) {
                // The assertion below lists what is still missing.
            }

            results.forEach((uid, result) -> System.out.println("LivePrometheusTest: " + uid + " bound to "
                    + result.binding() + ", " + result.problems().size() + " empty queries"));
            List<String> problems = new ArrayList<>();
            results.values().forEach(result -> problems.addAll(result.problems()));
            assertThat(results).hasSize(4);
            assertThat(problems).as("panel queries without data (dead letters by topic and reason: %s; simulator log:%n%s%n"
                    + "Prometheus log:%n%s)", prometheus.query("sum by (topic, reason) (maturity_dead_letters_total)"),
                    lastLines(dir.resolve("stack").resolve("simulator.log")), prometheus.logTail()).isEmpty();
        }
    }

    /** The last lines of a log, for the failure message: what the simulator got to. */
    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no " + log + ")");
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /** The binding that leaves the fewest panels empty (the first of those), with what stays empty. */
    private static Result check(Dashboard dashboard, PrometheusServer prometheus) {
        List<Map<String, String>> bindings = VariableBindings.of(dashboard, prometheus);
        if (bindings.isEmpty()) {
            return new Result(Map.of(), List.of(dashboard + ": no real value for some variable of "
                    + dashboard.variableNames()));
        }
        Result best = null;
        for (Map<String, String> binding : bindings) {
            List<String> problems = QueryCheck.problems(dashboard, binding, prometheus);
            if (best == null || problems.size() < best.problems().size()) {
                best = new Result(binding, problems);
            }
            if (problems.isEmpty()) {
                break;
            }
        }
        return best;
    }

    private record Result(Map<String, String> binding, List<String> problems) {
    }
}

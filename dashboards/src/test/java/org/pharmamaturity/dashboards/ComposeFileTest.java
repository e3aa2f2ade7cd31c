package org.pharmamaturity.dashboards;

import org.pharmamaturity.embedded.ExternalTools;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml: Debian's docker-compose accepts it, every image is pinned and every built one has its build
 * stage, every mounted path exists, ports are the documented ones, and the start order waits on health checks.
 */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void debiansDockerComposeAcceptsTheFile() {
        ExternalTools.requireProgram("docker-compose", "apt-get install docker-compose");

        CommandRun run = CommandRun.of(ProjectFiles.ROOT, List.of("docker-compose", "-f", "docker-compose.yml",
                "config", "--quiet"));

        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void everyImageIsPinnedAndEveryBuiltImageHasItsStage() throws IOException {
        String dockerfile = Files.readString(ProjectFiles.DOCKERFILE);
        Map<String, String> images = new TreeMap<>();
        services().forEach((name, service) -> {
            String image = service.path("image").asText();
            images.put(name, image);
            assertThat(image).as(name).matches("[a-z0-9./-]+:[A-Za-z0-9._-]+").doesNotEndWith(":latest");
            if (service.has("build")) {
                assertThat(ProjectFiles.ROOT.resolve(service.path("build").path("context").asText())).isDirectory();
                assertThat(dockerfile).as(name + " build stage")
                        .containsPattern("(?m)^FROM \\S+ AS " + service.path("build").path("target").asText() + "$");
            }
        });
        // Our own images come from the Dockerfile; the others are the releases the project is built against.
        assertThat(images).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kafka", "apache/kafka:4.3.1",
                "schema-registry", "confluentinc/cp-schema-registry:8.0.0",
                "topics", "pharma-maturity/producers:0.1.0",
                "simulator", "pharma-maturity/producers:0.1.0",
                "gateway", "pharma-maturity/producers:0.1.0",
                "mosquitto", "eclipse-mosquitto:2.0.22",
                "service", "pharma-maturity/service:0.1.0",
                "prometheus", "prom/prometheus:v2.42.0",
                "grafana", "grafana/grafana:13.2.3"));
    }

    @Test
    void everyMountedPathExistsInTheRepository() throws IOException {
        List<String> mounts = new ArrayList<>();
        services().forEach((name, service) -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                mounts.add(source);
            }
        }));

        assertThat(mounts).containsExactlyInAnyOrder("./dashboards/prometheus", "./dashboards/provisioning",
                "./dashboards/grafana");
        for (String mount : mounts) {
            assertThat(ProjectFiles.ROOT.resolve(mount)).as(mount).isDirectory();
        }
        assertThat(ProjectFiles.ROOT.resolve("dashboards/prometheus/prometheus.yml")).isRegularFile();
    }

    @Test
    void portsAreTheDocumentedOnesAndMatchWhatPrometheusAndGrafanaCall() throws IOException {
        Map<String, String> ports = new TreeMap<>();
        services().forEach((name, service) -> service.path("ports").forEach(port -> ports.put(port.asText(), name)));

        assertThat(ports).containsExactlyInAnyOrderEntriesOf(Map.of("9092:9092", "kafka",
                "8081:8081", "schema-registry", "8080:8080", "service", "9090:9090", "prometheus",
                "3000:3000", "grafana", "1883:1883", "mosquitto", "9464:9464", "gateway"));
        String scrapeTarget = YAML.readTree(ProjectFiles.PROMETHEUS.resolve("prometheus.yml").toFile())
                .path("scrape_configs").get(0).path("static_configs").get(0).path("targets").get(0).asText();
        String datasourceUrl = YAML.readTree(ProjectFiles.PROVISIONED_DATASOURCES.toFile())
                .path("datasources").get(0).path("url").asText();
        assertThat(scrapeTarget).isEqualTo("service:8080");
        assertThat(datasourceUrl).isEqualTo("http://prometheus:9090");
    }

    @Test
    void startOrderWaitsForHealthyDependencies() throws IOException {
        Map<String, JsonNode> services = services();

        assertThat(condition(services, "topics", "kafka")).isEqualTo("service_healthy");
        assertThat(condition(services, "schema-registry", "kafka")).isEqualTo("service_healthy");
        assertThat(condition(services, "service", "topics")).isEqualTo("service_completed_successfully");
        assertThat(condition(services, "service", "schema-registry")).isEqualTo("service_healthy");
        assertThat(condition(services, "simulator", "service")).isEqualTo("service_healthy");
        assertThat(condition(services, "gateway", "mosquitto")).isEqualTo("service_healthy");
        assertThat(condition(services, "gateway", "schema-registry")).isEqualTo("service_healthy");
        assertThat(condition(services, "prometheus", "service")).isEqualTo("service_healthy");
        assertThat(condition(services, "grafana", "prometheus")).isEqualTo("service_healthy");
        for (String name : List.of("kafka", "schema-registry", "service", "prometheus", "grafana", "mosquitto")) {
            assertThat(services.get(name).path("healthcheck").path("test")).as(name + " health check").isNotEmpty();
        }
    }

    private static String condition(Map<String, JsonNode> services, String service, String dependency) {
        return services.get(service).path("depends_on").path(dependency).path("condition").asText();
    }

    private static Map<String, JsonNode> services() throws IOException {
        Map<String, JsonNode> services = new TreeMap<>();
        YAML.readTree(ProjectFiles.COMPOSE_FILE.toFile()).path("services").properties()
                .forEach(entry -> services.put(entry.getKey(), entry.getValue()));
        return services;
    }
}

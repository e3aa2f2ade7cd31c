package org.pharmamaturity.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.testing.ExternalTools;

/**
 * docker-compose.yml: Debian's docker-compose accepts it (and refuses it without the admin password and regulator
 * token, which have no default), every image is pinned and every built one has its build stage, every mounted path
 * exists, ports are the documented ones on loopback, Grafana has no anonymous viewers, Prometheus scrapes with the
 * token secret, and the start order waits on health checks.
 */
@Tag("integration")
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The settings the file needs and has no default for: Grafana's admin password and the regulator token. */
    private static final List<String> REQUIRED_SETTINGS = List.of("GF_SECURITY_ADMIN_PASSWORD",
            "MATURITY_REGULATOR_TOKEN_SHA256", "MATURITY_SCRAPE_TOKEN_FILE");

    @Test
    void debiansDockerComposeAcceptsTheFile(@TempDir Path dir) throws IOException {
        ExternalTools.requireProgram("docker-compose", "apt-get install docker-compose");

        CommandRun run = CommandRun.of(ProjectFiles.ROOT, List.of("docker-compose", "-f", "docker-compose.yml",
                "config", "--quiet"), settings(dir));

        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void theAdminPasswordAndTheRegulatorTokenHaveNoDefault(@TempDir Path dir) throws IOException {
        ExternalTools.requireProgram("docker-compose", "apt-get install docker-compose");

        for (String missing : REQUIRED_SETTINGS) {
            Map<String, String> settings = new TreeMap<>(settings(dir));
            settings.remove(missing);
            CommandRun run = CommandRun.of(ProjectFiles.ROOT, List.of("docker-compose", "-f", "docker-compose.yml",
                    "config", "--quiet"), settings);

            assertThat(run.exitCode()).as(missing).isNotZero();
            assertThat(run.output()).as(missing).contains("set " + missing);
        }
    }

    @Test
    void grafanaHasNoAnonymousViewersAndPrometheusScrapesWithTheTokenSecret() throws IOException {
        Map<String, JsonNode> services = services();

        assertThat(services.get("grafana").path("environment").path("GF_AUTH_ANONYMOUS_ENABLED").asText())
                .isEqualTo("false");
        assertThat(services.get("grafana").path("environment").path("GF_SECURITY_ADMIN_PASSWORD").asText())
                .startsWith("${GF_SECURITY_ADMIN_PASSWORD:?");
        assertThat(services.get("prometheus").path("secrets").get(0).asText()).isEqualTo("scrape-token");
        // Compose mounts the secret scrape-token at /run/secrets/scrape-token, where prometheus.yml reads it.
        assertThat(YAML.readTree(ProjectFiles.PROMETHEUS.resolve("prometheus.yml").toFile()).path("scrape_configs")
                .get(0).path("authorization").path("credentials_file").asText())
                .isEqualTo(PrometheusConfigTest.SCRAPE_TOKEN_MOUNT);
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

        // Every published port listens on this machine only.
        assertThat(ports).containsExactlyInAnyOrderEntriesOf(Map.of("127.0.0.1:9092:9092", "kafka",
                "127.0.0.1:8081:8081", "schema-registry", "127.0.0.1:8080:8080", "service",
                "127.0.0.1:9090:9090", "prometheus", "127.0.0.1:3000:3000", "grafana",
                "127.0.0.1:1883:1883", "mosquitto", "127.0.0.1:9464:9464", "gateway"));
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

    /** Values for the settings the file requires; the token file exists, as compose checks. */
    private static Map<String, String> settings(Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("scrape-token"), "a-regulator-token");
        return Map.of("GF_SECURITY_ADMIN_PASSWORD", "an-admin-password", "MATURITY_REGULATOR_TOKEN_SHA256",
                "0".repeat(64), "MATURITY_SCRAPE_TOKEN_FILE", token.toString());
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

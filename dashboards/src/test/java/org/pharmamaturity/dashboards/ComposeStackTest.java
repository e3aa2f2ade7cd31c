package org.pharmamaturity.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * docker-compose.yml brought up whole (images built from this repository): the API answers the regulator's token,
 * and Grafana, with its admin password and no anonymous access, runs a panel query of the sector overview through
 * the provisioned datasource (Prometheus scraping with the token secret). Needs Docker; where
 * there is none it is reported as skipped, never as passed.
 */
@Testcontainers(disabledWithoutDocker = true)
@Tag("integration")
class ComposeStackTest {

    /** A regulator token for this run: its SHA-256 goes to the service, its plaintext file to Prometheus. */
    private static final String REGULATOR_TOKEN = "regulator-" + java.util.UUID.randomUUID();
    private static final String GRAFANA_PASSWORD = "admin-" + java.util.UUID.randomUUID();
    private static final Duration STARTUP = Duration.ofMinutes(15);

    @Container
    static final ComposeContainer STACK = new ComposeContainer(ProjectFiles.COMPOSE_FILE.toFile())
            .withBuild(true)
            .withEnv(java.util.Map.of("GF_SECURITY_ADMIN_PASSWORD", GRAFANA_PASSWORD,
                    "MATURITY_REGULATOR_TOKEN_SHA256", org.pharmamaturity.streams.api.TokenAuthenticator.hash(REGULATOR_TOKEN),
                    "MATURITY_SCRAPE_TOKEN_FILE", scrapeTokenFile()))
            .withExposedService("service", 8080, Wait.forHttp("/health").forStatusCode(200).withStartupTimeout(STARTUP))
            .withExposedService("grafana", 3000, Wait.forHttp("/api/health").forStatusCode(200)
                    .withStartupTimeout(STARTUP));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theApiAnswersAndGrafanaShowsTheSectorOverviewsData() {
        String api = "http://" + STACK.getServiceHost("service", 8080) + ":" + STACK.getServicePort("service", 8080);
        String grafana = "http://" + STACK.getServiceHost("grafana", 3000) + ":" + STACK.getServicePort("grafana", 3000);

        assertThat(get(api + "/api/v1/sectors", "Bearer " + REGULATOR_TOKEN).statusCode()).isEqualTo(200);
        assertThat(get(api + "/api/v1/sectors", null).statusCode()).isEqualTo(401);
        String grafanaAdmin = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + GRAFANA_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        // The sector overview's "Enterprises assessed" panel, through Grafana's proxy to the provisioned datasource;
        // the simulator's population is 40 enterprises.
        String query = "sum(maturity_sector_enterprises{sector=\"ALL\"})";
        String url = grafana + "/api/datasources/proxy/uid/maturity-prometheus/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8);
        await("the sector overview's data in Grafana").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(10))
                .until(() -> enterprises(get(url, grafanaAdmin)) == 40);
        // No anonymous viewers.
        assertThat(get(url, null).statusCode()).isEqualTo(401);
    }

    /** The token file Prometheus's container reads: readable by its user, in a directory only this user enters. */
    private static String scrapeTokenFile() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("compose-secrets",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("scrape-token"), REGULATOR_TOKEN);
            java.nio.file.Files.setPosixFilePermissions(file,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            return file.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private double enterprises(HttpResponse<String> response) throws IOException {
        JsonNode result = json.readTree(response.body()).path("data").path("result");
        return result.isEmpty() ? 0 : result.get(0).path("value").get(1).asDouble();
    }

    private HttpResponse<String> get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.testing.ExternalTools;

/**
 * {@code --with-prometheus}: the real Prometheus scrapes a /metrics that answers only the run's regulator token, as
 * the service's does for the series that name an enterprise.
 */
@Tag("integration")
class LocalPrometheusTest {

    private static final String TOKEN = "local-regulator-token";

    @TempDir
    Path directory;

    @Test
    void prometheusScrapesTheServiceWithTheRegulatorToken() throws Exception {
        ExternalTools.requireProgram("prometheus", "apt-get install prometheus");
        HttpServer service = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, 0), 0);
        service.createContext("/metrics", exchange -> {
            boolean regulator = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "maturity_probe_total 7\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(regulator ? 200 : 401, regulator ? body.length : -1);
            if (regulator) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        service.start();
        int port = LoopbackPorts.freePort();
        try (LocalPrometheus prometheus = LocalPrometheus.start(directory, port,
                LoopbackPorts.HOST + ":" + service.getAddress().getPort(), TOKEN)) {
            // The first scrape comes within one scrape interval (15 s) of the start.
            JsonNode result = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(
                    () -> query(prometheus.url(), "maturity_probe_total"), found -> found.size() == 1);

            assertThat(result.get(0).path("metric").path("job").asText()).isEqualTo(LocalPrometheus.JOB);
            assertThat(result.get(0).path("value").get(1).asText()).isEqualTo("7");
            assertThat(prometheus.url()).isEqualTo("http://127.0.0.1:" + port);
        } finally {
            service.stop(0);
        }
    }

    private static JsonNode query(String prometheus, String promql) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    prometheus + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body()).path("data").path("result");
        } catch (Exception notReadyYet) {
            return new ObjectMapper().createArrayNode();
        }
    }
}

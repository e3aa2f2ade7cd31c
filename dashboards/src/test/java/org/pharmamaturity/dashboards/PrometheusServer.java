package org.pharmamaturity.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.local.LocalPrometheus;

/**
 * A real Prometheus (Debian's {@code prometheus} binary) run as a child process, scraping one target every two
 * seconds with a bearer token and loading the project's alert rules; queried through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

    static final String JOB = LocalPrometheus.JOB;
    // A full scrape of the service (thousands of Kafka Streams series) takes up to a second on a busy machine.
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path logFile;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, Path logFile, String baseUrl) {
        this.process = process;
        this.logFile = logFile;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts Prometheus in {@code directory} scraping {@code target} ({@code host:port}, path /metrics) with
     * {@code token} (a regulator's: /metrics serves series naming an enterprise only with one), as
     * prometheus.yml does in docker-compose.
     */
    static PrometheusServer start(Path directory, String target, String token) throws IOException {
        Path config = directory.resolve("prometheus.yml");
        Path tokenFile = Files.writeString(directory.resolve("scrape-token"), token);
        Files.setPosixFilePermissions(tokenFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(config, LocalPrometheus.config(SCRAPE_INTERVAL, target, tokenFile,
                ProjectFiles.PROMETHEUS.resolve("alerts.yml")));
        int port = LoopbackPorts.freePort();
        Path logFile = directory.resolve("prometheus.log");
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=" + LoopbackPorts.HOST + ":" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        return new PrometheusServer(process, logFile, "http://" + LoopbackPorts.HOST + ":" + port);
    }

    /** True once Prometheus answers /-/ready. */
    boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The values of {@code label} among the series {@code selector} selects (what Grafana's label_values does). */
    List<String> labelValues(String label, String selector) {
        JsonNode data = api("/api/v1/label/" + label + "/values?match[]=" + encode(selector));
        List<String> values = new ArrayList<>();
        data.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** An instant query now: the result array of a vector (each element has "metric" and "value"). */
    JsonNode query(String promql) {
        return api("/api/v1/query?query=" + encode(promql)).path("result");
    }

    /** A range query over the last {@code window}: the result array of a matrix (each element has "values"). */
    JsonNode queryRange(String promql, Duration window, Duration step) {
        Instant end = Instant.now();
        return api("/api/v1/query_range?query=" + encode(promql) + "&start=" + end.minus(window).getEpochSecond()
                + "&end=" + end.getEpochSecond() + "&step=" + step.toSeconds()).path("result");
    }

    /** The last lines Prometheus logged, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private JsonNode api(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        try {
            JsonNode body = JSON.readTree(response.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new IllegalStateException("Prometheus refused " + pathAndQuery + ": " + response.body());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus answered " + pathAndQuery + " with no JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus at " + baseUrl + " did not answer " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

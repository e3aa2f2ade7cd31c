package org.pharmamaturity.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.pharmamaturity.embedded.EmbeddedStackException;
import org.pharmamaturity.embedded.LoopbackPorts;
import org.pharmamaturity.embedded.ParentBoundCommand;
import org.pharmamaturity.embedded.ProcessTree;

/**
 * Debian's {@code prometheus} beside the local run ({@code --with-prometheus}): it scrapes the service's /metrics on
 * loopback with the run's regulator token, as docker-compose's Prometheus does with its secret, and evaluates the
 * pipeline's alert rules when the repository's {@code dashboards/prometheus/alerts.yml} is at hand. Its
 * configuration, token file, data and log live under {@code <data-dir>/prometheus}; it runs as a child process
 * bound to this JVM's life.
 */
public final class LocalPrometheus implements AutoCloseable {

    /** The job name of docker-compose's configuration, which the dashboards' queries may name. */
    public static final String JOB = "maturity-service";
    /** The alert rules, relative to the repository root where ./run-local runs. */
    static final Path ALERT_RULES = Path.of("dashboards", "prometheus", "alerts.yml");
    /** docker-compose's scrape and rule-evaluation interval. */
    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final String NOT_INSTALLED =
            "--with-prometheus needs Debian's prometheus on the PATH: sudo apt-get install prometheus";

    private final Process process;
    private final String url;
    private final Path logFile;

    private LocalPrometheus(Process process, String url, Path logFile) {
        this.process = process;
        this.url = url;
        this.logFile = logFile;
    }

    /**
     * Starts Prometheus on 127.0.0.1:{@code port}, scraping {@code serviceTarget} ({@code host:port}) with
     * {@code regulatorToken}.
     *
     * @throws EmbeddedStackException when prometheus is not installed or cannot be started
     */
    static LocalPrometheus start(Path directory, int port, String serviceTarget, String regulatorToken) {
        if (!installed()) {
            throw new EmbeddedStackException(NOT_INSTALLED);
        }
        Path logFile = directory.resolve("prometheus.log");
        try {
            Files.createDirectories(directory);
            Path tokenFile = directory.resolve("scrape-token");
            Files.deleteIfExists(tokenFile);
            Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tokenFile, regulatorToken, StandardCharsets.UTF_8);
            Path config = Files.writeString(directory.resolve("prometheus.yml"),
                    config(SCRAPE_INTERVAL, serviceTarget, tokenFile, Files.isRegularFile(ALERT_RULES) ? ALERT_RULES.toAbsolutePath() : null));
            List<String> command = List.of("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + directory.resolve("data"),
                    "--web.listen-address=" + LoopbackPorts.HOST + ":" + port);
            Process process = new ProcessBuilder(ParentBoundCommand.wrap(command))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            return new LocalPrometheus(process, "http://" + LoopbackPorts.HOST + ":" + port, logFile);
        } catch (IOException e) {
            throw new EmbeddedStackException("Could not start Prometheus (" + e.getMessage() + "); see " + logFile, e);
        }
    }

    /**
     * docker-compose's configuration ({@code dashboards/prometheus/prometheus.yml}) for a service at
     * {@code serviceTarget} ({@code host:port}), scraped every {@code scrapeInterval} with the token in
     * {@code tokenFile}, evaluating {@code alertRules} (none when null).
     */
    public static String config(Duration scrapeInterval, String serviceTarget, Path tokenFile, Path alertRules) {
        String rules = alertRules == null ? "" : "rule_files:\n  - " + alertRules + "\n";
        return """
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                %sscrape_configs:
                  - job_name: %s
                    metrics_path: /metrics
                    authorization:
                      type: Bearer
                      credentials_file: %s
                    static_configs:
                      - targets: ["%s"]
                """.formatted(scrapeInterval.toSeconds(), scrapeInterval.toSeconds(), rules, JOB, tokenFile,
                serviceTarget);
    }

    /** True when an executable {@code prometheus} is on the PATH. */
    static boolean installed() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "prometheus")));
    }

    /** Prometheus' web address. */
    String url() {
        return url;
    }

    /** Where Prometheus logs. */
    Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        ProcessTree.destroy(process.toHandle(), STOP_GRACE);
    }
}

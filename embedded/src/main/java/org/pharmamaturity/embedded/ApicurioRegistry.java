package org.pharmamaturity.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry (Confluent-compatible API under {@code /apis/ccompat/v7}) running as a child process
 * on a Java 21+ runtime, bound to {@value LoopbackPorts#HOST}.
 *
 * <p>Ports are fixed when the object is created (free ones are picked for 0), so {@link #stop()} followed by
 * {@link #start()} brings the registry back at the same URL. With in-memory storage a restart loses every
 * schema and id; use {@link RegistryStorage#file} when ids must survive. The child never outlives this JVM:
 * a shutdown hook stops it, and it is bound to the JVM's life even if the JVM is killed (see
 * {@link ParentBoundCommand}).
 *
 * <p>{@link RegistryAccess} chooses plain HTTP for anyone (the default) or HTTPS with basic auth only; the passwords
 * then go to a user-only file beside the log, never onto the command line or into the log.
 */
public final class ApicurioRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);
    private static final int MINIMUM_JAVA = 21;
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final RegistrySettings settings;
    private final int httpPort;
    private final int managementPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;

    /** Prepares the registry (resolving free ports) without starting it. */
    public ApicurioRegistry(RegistrySettings settings) {
        this.settings = settings;
        this.httpPort = LoopbackPorts.resolve(settings.httpPort());
        this.managementPort = LoopbackPorts.resolve(settings.managementPort());
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroyProcess, "apicurio-registry-shutdown"));
    }

    /** Starts a registry with these settings and waits until it answers. */
    public static ApicurioRegistry start(RegistrySettings settings) {
        ApicurioRegistry registry = new ApicurioRegistry(settings);
        registry.start();
        return registry;
    }

    /**
     * Starts the child process and waits until the Confluent API answers; does nothing when already running.
     *
     * @throws PortInUseException    when the HTTP or management port is taken
     * @throws EmbeddedStackException when the distribution or a Java 21+ runtime is missing, or the registry
     *                                exits or does not answer in time (the message carries the log's tail)
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Path runnerJar = settings.distribution().runnerJar();
        Path java = JavaRuntimeLocator.forThisProcess().locate(MINIMUM_JAVA, "Apicurio Registry " + ApicurioDistribution.VERSION);
        LoopbackPorts.requireFree(httpPort, "schema registry HTTP port");
        LoopbackPorts.requireFree(managementPort, "schema registry management port");
        Process launched = launch(java, runnerJar);
        process = launched;
        LOG.info("Apicurio registry starting: pid {}, {} (log {})", launched.pid(), url(), settings.logFile());
        awaitReady();
        LOG.info("Apicurio registry ready at {}", url());
    }

    /**
     * Stops the child process and its descendants and waits for them to exit; does nothing when not running.
     * Not synchronized, so it also stops a registry that another thread is still starting.
     */
    public void stop() {
        destroyProcess();
    }

    @Override
    public void close() {
        stop();
    }

    /** True while the child process is alive. */
    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /**
     * The Confluent-compatible API: {@code http://127.0.0.1:<port>/apis/ccompat/v7}, or
     * {@code https://localhost:<port>/...} with TLS, the host name its certificate names.
     */
    public String url() {
        return settings.access().tls().isPresent()
                ? "https://" + TlsMaterial.HOST + ":" + httpPort + "/apis/ccompat/v7"
                : "http://" + LoopbackPorts.HOST + ":" + httpPort + "/apis/ccompat/v7";
    }

    /** The HTTP port. */
    public int httpPort() {
        return httpPort;
    }

    /** The management port ({@code /health/ready}, {@code /metrics}). */
    public int managementPort() {
        return managementPort;
    }

    /** Where the child's output goes. */
    public Path logFile() {
        return settings.logFile();
    }

    private Process launch(Path java, Path runnerJar) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xms64m", "-Xmx256m",
                "-Dquarkus.http.host=" + LoopbackPorts.HOST,
                "-Dquarkus.management.host=" + LoopbackPorts.HOST,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.http.access-log.enabled=false",
                // Re-registering a whitespace variant of a schema then returns the existing id, as Confluent does.
                "-Dapicurio.ccompat.use-canonical-hash=true"));
        command.addAll(settings.access().systemProperties(httpPort, secretsFile()));
        command.addAll(settings.storage().systemProperties());
        command.addAll(List.of("-jar", runnerJar.toString()));
        try {
            Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
            writeSecrets();
            Files.writeString(settings.logFile(), "=== " + Instant.now() + " starting: " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ProcessBuilder(ParentBoundCommand.wrap(command))
                    .directory(settings.distribution().home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new EmbeddedStackException("Could not start Apicurio registry with " + java + ": " + e.getMessage(), e);
        }
    }

    /** Where the passwords of {@link RegistryAccess#secretProperties()} go: beside the log, readable by the owner only. */
    private Path secretsFile() {
        return settings.logFile().toAbsolutePath().resolveSibling("apicurio-secrets-" + httpPort + ".properties");
    }

    private void writeSecrets() throws IOException {
        Map<String, String> secrets = settings.access().secretProperties();
        if (secrets.isEmpty()) {
            return;
        }
        Path file = secretsFile();
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties properties = new Properties();
        properties.putAll(secrets);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Apicurio registry passwords; readable by the owner only");
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        // With TLS and basic auth the API answers only trusted, authenticated clients: the management port's
        // readiness check (plain HTTP on loopback, no credentials) says when it is up instead.
        URI probe = settings.access().tls().isPresent()
                ? URI.create("http://" + LoopbackPorts.HOST + ":" + managementPort + "/health/ready")
                : URI.create(url() + "/subjects");
        while (Instant.now().isBefore(deadline)) {
            Process current = process;
            if (current == null) {
                throw new EmbeddedStackException("Apicurio registry was stopped while it was starting.");
            }
            if (!current.isAlive()) {
                process = null;
                throw new EmbeddedStackException("Apicurio registry exited with code " + current.exitValue()
                        + " before it was ready. " + logTail());
            }
            // The management port can report ready a moment before the API's HTTPS listener accepts connections.
            if (answers(probe) && (settings.access().tls().isEmpty() || accepts(httpPort))) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        destroyProcess();
        throw new EmbeddedStackException("Apicurio registry did not answer " + probe + " within "
                + settings.startupTimeout().toSeconds() + " s; it was stopped. " + logTail());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LoopbackPorts.HOST, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answers(URI probe) {
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            LOG.debug("Registry probe {} failed: {}", probe, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStackException("Interrupted while waiting for the Apicurio registry at " + probe, e);
        }
    }

    private void destroyProcess() {
        Process current = process;
        if (current == null) {
            return;
        }
        process = null;
        ProcessTree.destroy(current.toHandle(), STOP_GRACE);
        try {
            current.getOutputStream().close();
        } catch (IOException e) {
            // The pipe only bound the child to this JVM; the child is gone already.
        }
        LOG.info("Apicurio registry at {} stopped (pid {})", url(), current.pid());
    }

    private String logTail() {
        Path log = settings.logFile();
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "Last lines of " + log + ":" + System.lineSeparator()
                    + String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "Its log " + log + " could not be read: " + e.getMessage();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStackException("Interrupted while waiting for the Apicurio registry", e);
        }
    }
}

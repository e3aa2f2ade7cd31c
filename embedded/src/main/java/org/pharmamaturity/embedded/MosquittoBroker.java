package org.pharmamaturity.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Mosquitto broker (the Debian package {@code mosquitto}) started by a test or a benchmark as a child process
 * on a free loopback port with a generated configuration: anonymous access, QoS 1 sessions kept in memory, 1,000
 * messages in flight per client. Tests start it through the testing module, which skips loudly without the program
 * and fails under CI=true.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final List<Path> LOCATIONS = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"));

    /** How to install the program on Debian. */
    public static final String INSTALL_COMMAND = "apt-get install -y mosquitto";

    private final Process process;
    private final int port;

    private MosquittoBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** True when the mosquitto program is installed. */
    public static boolean installed() {
        return program().isPresent();
    }

    /**
     * Starts a broker in {@code work} and waits until it accepts connections.
     *
     * @throws EmbeddedStackException when mosquitto is not installed
     */
    public static MosquittoBroker start(Path work) {
        Path program = program().orElseThrow(() -> new EmbeddedStackException(
                "The MQTT broker mosquitto is not installed. Install it with: " + INSTALL_COMMAND));
        int port = LoopbackPorts.freePort();
        try {
            Path config = work.resolve("mosquitto.conf");
            Files.writeString(config, String.join("\n",
                    "listener " + port + " " + LoopbackPorts.HOST,
                    "allow_anonymous true",
                    "persistence false",
                    "max_queued_messages 100000",
                    // QoS 1 messages in flight to one client before its acknowledgements (Mosquitto's default is
                    // 20): a gateway that acknowledges after a group fsync needs a wider window to batch.
                    "max_inflight_messages 1000",
                    "log_dest stderr",
                    ""));
            Process process = new ProcessBuilder(program.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("mosquitto.log").toFile()).start();
            MosquittoBroker broker = new MosquittoBroker(process, port);
            broker.awaitListening();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto", e);
        }
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String uri() {
        return "tcp://" + LoopbackPorts.HOST + ":" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> program() {
        return Stream.concat(LOCATIONS.stream(), Stream.of(Path.of("mosquitto"))).filter(Files::isExecutable).findFirst();
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with status " + process.exitValue());
            }
            try (Socket probe = new Socket(LoopbackPorts.HOST, port)) {
                probe.getInputStream();
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("mosquitto did not listen on port " + port + " within 20 s");
    }
}

package org.pharmamaturity.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pharmamaturity.embedded.EmbeddedStackException;
import org.pharmamaturity.embedded.ParentBoundCommand;
import org.pharmamaturity.embedded.ProcessTree;

/**
 * The producers' simulator running in the background of the local run, so the service has data within seconds.
 * It runs as a child JVM (bound to this one's life, even on kill -9) rather than on a thread here, so that its
 * progress line and logs go to their own file instead of over the local run's instructions.
 */
final class SimulatorProcess implements AutoCloseable {

    /** Fixed, so every local run shows the same population. */
    static final long SEED = 42;
    /** Simulated enterprises: SIM-E001 to SIM-E040 (the local run makes an API token for each). */
    static final int ENTERPRISES = 40;
    /** Simulated seconds per wall-clock second: a simulated month in 10 minutes, so daily windows close. */
    static final int SPEEDUP = 4320;
    private static final String CLI = "org.pharmamaturity.producers.ProducersCli";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final Path logFile;

    private SimulatorProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code simulate} against the given broker and registry, writing its output to {@code logFile}; with an
     * {@code mqttUri} (else null) its machine data goes through that MQTT broker (and the gateway) instead; with a
     * {@code producerConfig} file (else null) it connects with that file's security settings. It keeps how far it got
     * in {@code progressFile}, so the next local run continues the simulated month instead of replaying it.
     */
    static SimulatorProcess start(String bootstrapServers, String registryUrl, int rate, String mqttUri,
                                  Path producerConfig, Path progressFile, Path logFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CLI, "simulate",
                "--bootstrap-servers=" + bootstrapServers, "--schema-registry-url=" + registryUrl,
                "--seed=" + SEED, "--enterprises=" + ENTERPRISES, "--rate=" + rate, "--speedup=" + SPEEDUP,
                "--progress-file=" + progressFile));
        if (mqttUri != null) {
            command.add("--mqtt=" + mqttUri);
        }
        if (producerConfig != null) {
            command.add("--producer-config=" + producerConfig);
        }
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(ParentBoundCommand.wrap(command))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            return new SimulatorProcess(process, logFile);
        } catch (IOException e) {
            throw new EmbeddedStackException("Could not start the simulator (" + e.getMessage() + "); see " + logFile, e);
        }
    }

    /** Where the simulator writes its progress and summary. */
    Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        ProcessTree.destroy(process.toHandle(), STOP_GRACE);
    }
}

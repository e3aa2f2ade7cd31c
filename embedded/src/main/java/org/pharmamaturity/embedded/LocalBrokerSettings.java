package org.pharmamaturity.embedded;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the fixed-port local broker listens and keeps its data.
 *
 * @param port           the client listener port on {@value LoopbackPorts#HOST} (9092 by default)
 * @param controllerPort the KRaft controller listener port (9093 by default)
 * @param dataDirectory  log and metadata directory; kept across runs
 * @param security       empty for a PLAINTEXT client listener open to anyone (the default), or the SASL_SSL
 *                       listener with ACLs that takes only SCRAM users
 */
public record LocalBrokerSettings(int port, int controllerPort, Path dataDirectory, Optional<SaslSslListener> security) {

    /** The broker's client port in the local run. */
    public static final int DEFAULT_PORT = 9092;
    /** The controller port in the local run. */
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    /** A PLAINTEXT broker open to anyone on loopback. */
    public LocalBrokerSettings(int port, int controllerPort, Path dataDirectory) {
        this(port, controllerPort, dataDirectory, Optional.empty());
    }

    /** The default ports with data under {@code dataDirectory}. */
    public static LocalBrokerSettings defaults(Path dataDirectory) {
        return new LocalBrokerSettings(DEFAULT_PORT, DEFAULT_CONTROLLER_PORT, dataDirectory);
    }
}

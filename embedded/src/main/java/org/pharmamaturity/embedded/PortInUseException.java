package org.pharmamaturity.embedded;

/** Thrown when a loopback port that a component must listen on is already taken by another process. */
public final class PortInUseException extends EmbeddedStackException {

    private final int port;

    public PortInUseException(int port, String purpose) {
        super("Port " + port + " on " + LoopbackPorts.HOST + " (" + purpose + ") is already in use: stop the process"
                + " that holds it (find it with `ss -ltnp 'sport = :" + port + "'`) or configure another port.");
        this.port = port;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}

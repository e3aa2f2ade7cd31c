package org.pharmamaturity.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks and checks ports on the loopback interface, the only interface the embedded components bind to. */
public final class LoopbackPorts {

    /** Every embedded component listens on this address only. */
    public static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /** A port that was free a moment ago (the operating system's choice). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not obtain a free port on " + HOST, e);
        }
    }

    /** {@code port} when it is positive, otherwise a free port. */
    public static int resolve(int port) {
        return port > 0 ? port : freePort();
    }

    /**
     * Fails with a {@link PortInUseException} naming the port and its purpose when something already listens
     * on it, so a taken port is reported before a component fails with a less helpful message.
     */
    public static void requireFree(int port, String purpose) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
        } catch (IOException e) {
            throw new PortInUseException(port, purpose);
        }
    }
}

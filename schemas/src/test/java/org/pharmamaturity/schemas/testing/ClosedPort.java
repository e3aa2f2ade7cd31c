package org.pharmamaturity.schemas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback URL nothing listens on: a port the OS just handed out and that was closed again. */
public final class ClosedPort {

    private ClosedPort() {
    }

    public static String registryUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/apis/ccompat/v7";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.pharmamaturity.schemas.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on a loopback port that answers with scripted responses and records every request, to test what
 * the REST client sends (paths, bodies, auth header), how often, and how it handles each status. It proves
 * nothing about compatibility with a real registry; the Apicurio tests do that.
 */
public final class FakeRegistryServer implements AutoCloseable {

    /** A request as received. */
    public record Request(String method, String path, String authorization, String body) {
    }

    private record Response(int status, String body, long delayMillis) {

        Response(int status, String body) {
            this(status, body, 0);
        }
    }

    private final HttpServer server;
    private final Deque<Response> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private Response fallback = new Response(500, "{\"error_code\":50001,\"message\":\"no scripted response\"}");

    public FakeRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL, like a registry's Confluent API root. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
    }

    /** Queues a response for the next request. */
    public synchronized FakeRegistryServer thenRespond(int status, String body) {
        script.add(new Response(status, body));
        return this;
    }

    /** Queues a response sent only after a delay, to run into the client's request timeout. */
    public synchronized FakeRegistryServer thenRespondAfter(long delayMillis, int status, String body) {
        script.add(new Response(status, body, delayMillis));
        return this;
    }

    /** Answers every request once the script is used up. */
    public synchronized FakeRegistryServer alwaysRespond(int status, String body) {
        fallback = new Response(status, body);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Response response;
        synchronized (this) {
            String path = exchange.getRequestURI().getRawPath().substring("/apis/ccompat/v7".length());
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Request(exchange.getRequestMethod(), query == null ? path : path + "?" + query,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            response = script.isEmpty() ? fallback : script.poll();
        }
        if (response.delayMillis() > 0) {
            try {
                Thread.sleep(response.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

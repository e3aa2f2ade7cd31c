package org.pharmamaturity.streams.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.pharmamaturity.streams.config.ApiSettings;
import org.pharmamaturity.streams.state.StoreNotQueryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of the API (the JDK's {@link HttpServer}, one virtual thread per request): matches a request to
 * its {@link Route}, checks the query parameters, the bearer token and the body, calls the handler, and maps every
 * failure to a JSON error ({@link ErrorResponses}). It binds its port when created, so Kafka Streams can be told
 * the port before it starts, and serves once {@link #start} is called.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String UNMATCHED = "unmatched";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final int maxBodyBytes;
    private List<Route> routes = List.of();
    private TokenAuthenticator tokens;
    private RequestObserver observer = RequestObserver.NONE;

    private ApiServer(HttpServer server, int maxBodyBytes) {
        this.server = server;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Binds the port of {@code settings} (0: any free port); nothing is served before {@link #start}. */
    public static ApiServer bind(ApiSettings settings) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
            return new ApiServer(server, settings.maxBodyBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + settings.bindAddress() + ":" + settings.port()
                    + " (" + e.getMessage() + "); free the port or set maturity.api.port", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts serving {@code routes}. */
    void start(List<Route> routes, TokenAuthenticator tokens, RequestObserver observer) {
        this.routes = List.copyOf(routes);
        this.tokens = tokens;
        this.observer = observer;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The route table. */
    List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String endpoint = UNMATCHED;
        ApiResponse response;
        try {
            MatchedRoute matched = match(exchange);
            endpoint = matched.route().template();
            response = matched.route().handler().handle(request(exchange, matched));
        } catch (ApiException e) {
            response = ErrorResponses.of(e);
        } catch (StoreNotQueryableException e) {
            response = ErrorResponses.of(ApiException.unavailable(e.getMessage()));
        } catch (Exception | Error e) {
            String requestId = UUID.randomUUID().toString();
            LOG.error("Request {} {} {} failed", requestId, exchange.getRequestMethod(), endpoint, e);
            response = ErrorResponses.internal(requestId);
        }
        send(exchange, response);
        observer.served(endpoint, response.status(), Duration.ofNanos(System.nanoTime() - started));
    }

    private record MatchedRoute(Route route, Map<String, String> pathParameters) {
    }

    private MatchedRoute match(HttpExchange exchange) {
        List<String> segments = segments(exchange.getRequestURI().getRawPath());
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(segments);
            if (parameters.isPresent()) {
                if (route.method().equals(exchange.getRequestMethod())) {
                    return new MatchedRoute(route, parameters.get());
                }
                allowed.add(route.method());
            }
        }
        if (!allowed.isEmpty()) {
            throw ApiException.methodNotAllowed(String.join(", ", allowed));
        }
        throw ApiException.notFound("No such resource; GET /api/v1/openapi.json lists every path.");
    }

    private ApiRequest request(HttpExchange exchange, MatchedRoute matched) throws IOException {
        Route route = matched.route();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean readToken = route.access() == Route.Access.TOKEN
                || route.access() == Route.Access.OPTIONAL_TOKEN && authorization != null;
        Caller caller = readToken ? tokens.authenticate(authorization) : null;
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        List<String> unknown = query.keySet().stream().filter(name -> !route.queryParameters().contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown query parameter(s) " + unknown + "; " + route.template()
                    + " takes " + (route.queryParameters().isEmpty() ? "none" : route.queryParameters().stream()
                            .sorted().collect(Collectors.joining(", "))) + ".");
        }
        for (Map.Entry<String, String> parameter : matched.pathParameters().entrySet()) {
            Identifiers.require(parameter.getKey(), parameter.getValue());
        }
        byte[] body = "POST".equals(route.method()) ? body(exchange) : new byte[0];
        return new ApiRequest(exchange.getRequestURI().getRawPath(), matched.pathParameters(), query, caller,
                authorization, exchange.getRequestHeaders().containsKey(ApiRequest.FORWARDED_HEADER), body);
    }

    private byte[] body(HttpExchange exchange) throws IOException {
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!contentType.split(";")[0].trim().equalsIgnoreCase("application/json")) {
            throw ApiException.unsupportedMediaType(contentType);
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            throw ApiException.tooLarge(maxBodyBytes);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw ApiException.tooLarge(maxBodyBytes);
            }
            return body;
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            segments.add(decode(raw));
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1))) != null) {
                throw ApiException.badRequest("Query parameter '" + name + "' is given twice; give it once.");
            }
        }
        return query;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The URL is not correctly percent-encoded.");
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach(exchange.getResponseHeaders()::set);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), head || response.body().length == 0 ? -1 : response.body().length);
            if (!head && response.body().length > 0) {
                exchange.getResponseBody().write(response.body());
            }
            // Send the answer before the exchange closes: closing drains the rest of the request body first, and
            // a client that announced a body it never sends (a Content-Length refused unread) would wait for it.
            exchange.getResponseBody().close();
        } catch (IOException e) {
            // The client went away; there is no one left to answer.
            LOG.debug("Could not send the response: {}", e.getMessage());
        }
    }
}

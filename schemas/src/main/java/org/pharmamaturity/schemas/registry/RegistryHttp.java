package org.pharmamaturity.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP exchange with the registry's Confluent API: picks a URL, adds basic auth, retries I/O errors and 5xx
 * answers with doubling waits (never 4xx), and turns error answers into the typed exceptions of this package.
 */
final class RegistryHttp {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json,"
            + " application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_BODY_IN_MESSAGE = 300;

    /**
     * One JDK client per connect timeout and trust store, shared by every registry client of the JVM: each JDK
     * client owns a selector thread and a connection pool, and a Streams application creates a serde per topic.
     */
    private static final Map<ClientKey, HttpClient> SHARED_CLIENTS = new ConcurrentHashMap<>();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Optional<String> authorization;
    /** Index of the URL to try first: the last one that answered. */
    private final AtomicInteger preferredUrl = new AtomicInteger();

    RegistryHttp(RegistryClientConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        // HTTP/1.1: the registries in use speak it, and the JDK's HTTP/2 upgrade attempt buys nothing here.
        this.http = SHARED_CLIENTS.computeIfAbsent(new ClientKey(config.connectTimeout(), config.trustStore()),
                RegistryHttp::newClient);
        this.authorization = config.userInfo().map(u ->
                "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends the request and returns the answer's JSON.
     *
     * @param method GET, POST or PUT
     * @param path the path below the base URL, starting with a slash, query included
     * @param body the JSON body, or null
     * @param what what the call is for, as the end of "failed to ...", e.g. "look up schema id 7"
     */
    JsonNode send(String method, String path, Object body, String what) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8);
        List<URI> urls = config.urls();
        int attempts = config.maxRetries() + 1;
        Exception lastIoError = null;
        HttpResponse<String> lastServerError = null;
        URI lastUrl = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                pauseBeforeRetry(attempt, what);
            }
            int preferred = preferredUrl.get();
            lastUrl = urls.get(Math.floorMod(preferred, urls.size()));
            try {
                HttpResponse<String> response = http.send(request(lastUrl, method, path, publisher),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 500 || status == 429) {
                    lastServerError = response;
                    preferredUrl.compareAndSet(preferred, preferred + 1);
                    continue;
                }
                if (status >= 300) {
                    throw errorFor(response, lastUrl, what);
                }
                return parse(response, lastUrl, what);
            } catch (IOException e) {
                lastIoError = e;
                lastServerError = null;
                preferredUrl.compareAndSet(preferred, preferred + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while trying to " + what + " at " + lastUrl, 0, 0, e);
            }
        }
        if (lastServerError != null) {
            RegistryError error = RegistryError.of(lastServerError, json);
            throw new SchemaRegistryException("Failed to " + what + ": the schema registry at " + lastUrl
                    + " answered HTTP " + lastServerError.statusCode() + " (" + error.describe() + ") " + attempts
                    + " times. Check the registry's log and storage.",
                    lastServerError.statusCode(), error.code());
        }
        throw new RegistryUnreachableException("Failed to " + what + ": the schema registry is unreachable at "
                + urls + " (" + describe(lastIoError) + ", " + attempts + " attempts). " + (lastIoError instanceof SSLException
                ? "The TLS handshake failed: check that " + RegistryTrustStore.LOCATION + " holds the registry's"
                        + " certificate or its CA, and that the URL's host name is one the certificate names."
                : "Check that the registry is running and that schema.registry.url points at its Confluent API (for"
                        + " Apicurio: http://<host>:<port>/apis/ccompat/v7)."), lastIoError);
    }

    private static HttpClient newClient(ClientKey key) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(key.connectTimeout());
        key.trustStore().ifPresent(store -> builder.sslContext(store.sslContext()));
        return builder.build();
    }

    private HttpRequest request(URI base, String method, String path, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT)
                .header("Content-Type", CONTENT_TYPE)
                .method(method, body);
        authorization.ifPresent(a -> builder.header("Authorization", a));
        return builder.build();
    }

    private void pauseBeforeRetry(int retry, String what) {
        long doubling = config.retryWait().toMillis() << Math.min(retry - 1, 20);
        long waitMs = Math.min(doubling, config.retryMaxWait().toMillis());
        try {
            Thread.sleep(Duration.ofMillis(waitMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting to retry to " + what, 0, 0, e);
        }
    }

    private JsonNode parse(HttpResponse<String> response, URI url, String what) {
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException("Failed to " + what + ": " + url + " answered HTTP "
                    + response.statusCode() + " with something that is not JSON (" + abbreviate(response.body())
                    + "). Check that schema.registry.url points at the registry's Confluent API (for Apicurio:"
                    + " http://<host>:<port>/apis/ccompat/v7).", response.statusCode(), 0, e);
        }
    }

    private SchemaRegistryException errorFor(HttpResponse<String> response, URI url, String what) {
        int status = response.statusCode();
        RegistryError error = RegistryError.of(response, json);
        String prefix = "Failed to " + what + ": the schema registry at " + url + " answered HTTP " + status;
        return switch (status) {
            case 401, 403 -> new RegistryUnauthorizedException(prefix + " (" + error.describe() + "). Check "
                    + RegistryClientConfig.BASIC_AUTH_USER_INFO + " and "
                    + RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO.", status, error.code());
            // A 404 without the Confluent error body means the URL is not the Confluent API at all.
            case 404 -> error.code() == 0
                    ? new SchemaRegistryException(prefix + " (" + error.describe() + "). Check that"
                            + " schema.registry.url points at the registry's Confluent API (for Apicurio:"
                            + " http://<host>:<port>/apis/ccompat/v7).", status, 0)
                    : new SchemaNotFoundException(prefix + " (" + error.describe() + ").", error.code());
            case 409 -> new IncompatibleSchemaException(prefix + ", the schema is incompatible: " + error.message()
                    + ". Make the change compatible (for example give a new field a default) or change the"
                    + " subject's compatibility rule.", error.code(), error.message());
            case 422 -> new InvalidSchemaException(prefix + ", the schema is invalid: " + error.describe() + ".",
                    error.code());
            default -> new SchemaRegistryException(prefix + " (" + error.describe() + "). Check that"
                    + " schema.registry.url points at the registry's Confluent API.", status, error.code());
        };
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String describe(Exception e) {
        if (e == null) {
            return "no answer";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    /** What makes two registry clients able to share one JDK client. */
    private record ClientKey(Duration connectTimeout, Optional<RegistryTrustStore> trustStore) {
    }

    /** The Confluent API's error body: {@code {"error_code": 40403, "message": "..."}}. */
    private record RegistryError(int code, String message) {

        static RegistryError of(HttpResponse<String> response, ObjectMapper json) {
            try {
                JsonNode node = json.readTree(response.body());
                if (node != null && node.isObject()) {
                    return new RegistryError(node.path("error_code").asInt(0),
                            node.path("message").asText(abbreviate(response.body())));
                }
            } catch (JsonProcessingException e) {
                // Not the Confluent error shape (a proxy's HTML page, say): the raw body is the best explanation.
            }
            return new RegistryError(0, abbreviate(response.body()));
        }

        String describe() {
            return code == 0 ? message : "error code " + code + ": " + message;
        }
    }
}

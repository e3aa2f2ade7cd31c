package org.pharmamaturity.streams.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.pharmamaturity.evaluation.json.Json;

/** Real HTTP requests to one instance of the service's API, the way any client sends them. */
final class ApiClient {

    /** A response: status, content type, body text and the body as JSON (a missing node when it is not JSON). */
    record Answer(int status, String contentType, String body, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                return Json.mapper().missingNode();
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Waits (at most {@code wait}) until the regulator's answer at {@code groupPath} counts {@code enterprises}. */
    void awaitEnterprises(String groupPath, String regulatorToken, int enterprises, Duration wait) {
        Awaitility.await().atMost(wait).until(() -> get(groupPath, regulatorToken).json().path("enterprises").asInt()
                == enterprises);
    }

    /** GET {@code path} (raw, already percent-encoded) with the bearer token (null: no Authorization header). */
    Answer get(String path, String token) {
        return send(builder(path, token).GET());
    }

    /** GET with extra headers given as name, value pairs. */
    Answer get(String path, String token, String... headers) {
        return send(builder(path, token).GET().headers(headers));
    }

    /** GET {@code path} with the bearer token (null: none), the body as bytes: for binary files. */
    HttpResponse<byte[]> download(String path, String token) {
        return exchange(builder(path, token).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Answer post(String path, String token, String contentType, String body) {
        HttpRequest.Builder request = builder(path, token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    Answer send(String method, String path, String token) {
        return send(builder(path, token).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

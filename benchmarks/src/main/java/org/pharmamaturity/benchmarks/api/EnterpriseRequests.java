package org.pharmamaturity.benchmarks.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/v1/enterprises/{id}} against a running service with one bearer token, asking for the given
 * enterprises in turn: the request every API load sends.
 */
public final class EnterpriseRequests {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final String url;
    private final String token;
    private final List<String> enterprises;

    /** Requests to the API at {@code url} (e.g. {@code http://127.0.0.1:8080}) for {@code enterprises}. */
    public EnterpriseRequests(String url, String token, List<String> enterprises) {
        this.url = url;
        this.token = token;
        this.enterprises = List.copyOf(enterprises);
    }

    /** Asks for the next enterprise's latest result; true for a 200, false for any other answer or none. */
    public boolean send() {
        return answersOk(enterprises.get(Math.floorMod(next.getAndIncrement(), enterprises.size())));
    }

    /** True when every enterprise's latest result is there (a 200 each), as a load's results expect. */
    public boolean allAnswered() {
        return enterprises.stream().allMatch(this::answersOk);
    }

    private boolean answersOk(String enterprise) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/enterprises/" + enterprise))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package org.pharmamaturity.streams.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.pharmamaturity.evaluation.json.Json;

/**
 * The instances of the application, from the Kafka Streams metadata: which one holds a key, and forwarding a
 * request to it with the caller's own bearer token and the forwarded header, so it is answered there and never
 * forwarded again. Keys are placed by the default partitioner on the String key, as the topologies key their
 * stores (composite keys {@code enterpriseId@...} live in the partition of their enterpriseId).
 */
final class Instances {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> PAGING = Set.of(Paging.LIMIT, Paging.OFFSET);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Instances(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /**
     * The answer for a request about {@code key} of {@code storeName}: {@code local} when this instance holds it
     * (or the request was forwarded here), else the holder's answer.
     */
    ApiResponse answer(ApiRequest request, String storeName, String key, Route.Handler local) throws Exception {
        if (request.forwarded()) {
            return local.handle(request);
        }
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(storeName, key, Serdes.String().serializer());
        } catch (IllegalStateException | StreamsException e) {
            throw notServing();
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw ApiException.unavailable("No instance holds " + key + " right now (Kafka Streams is "
                    + streams.state() + ", probably rebalancing); retry in a moment.");
        }
        HostInfo holder = metadata.activeHost();
        if (holder.equals(self)) {
            return local.handle(request);
        }
        HttpResponse<byte[]> response = forward(holder, request, request.query());
        return new ApiResponse(response.statusCode(), response.headers().firstValue("Content-Type")
                .orElse(ApiResponse.JSON), response.body(), Map.of());
    }

    /**
     * The {@code items} every other instance holding {@code storeName} answers for the same request, without
     * paging (the caller merges and pages); 503 when one of them does not answer.
     */
    List<JsonNode> itemsOfOthers(ApiRequest request, String storeName) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        Map<String, String> query = request.query().entrySet().stream().filter(entry -> !PAGING.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Collection<StreamsMetadata> holders;
        try {
            holders = streams.streamsMetadataForStore(storeName);
        } catch (IllegalStateException | StreamsException e) {
            throw notServing();
        }
        for (StreamsMetadata instance : holders) {
            if (instance.hostInfo().equals(self)) {
                continue;
            }
            HttpResponse<byte[]> response = forward(instance.hostInfo(), request, query);
            if (response.statusCode() != 200) {
                throw ApiException.unavailable("Instance " + instance.hostInfo().host() + ":"
                        + instance.hostInfo().port() + " answered " + response.statusCode() + "; retry in a moment.");
            }
            Json.mapper().readTree(response.body()).path("items").forEach(items::add);
        }
        return items;
    }

    /** Kafka Streams is not running (start-up, shutting down, failed): nothing can be located. */
    private ApiException notServing() {
        return ApiException.unavailable("Kafka Streams is " + streams.state() + " on this instance, so it cannot find"
                + " which instance holds the data; retry in a moment, or see GET /health.");
    }

    private HttpResponse<byte[]> forward(HostInfo holder, ApiRequest request, Map<String, String> query)
            throws IOException, InterruptedException {
        String queryText = query.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        URI uri = URI.create("http://" + holder.host() + ":" + holder.port() + request.rawPath()
                + (queryText.isEmpty() ? "" : "?" + queryText));
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                .header(ApiRequest.FORWARDED_HEADER, "true");
        Optional.ofNullable(request.authorization()).ifPresent(value -> forwarded.header("Authorization", value));
        try {
            return client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ApiException.unavailable("Instance " + holder.host() + ":" + holder.port()
                    + " did not answer (" + e.getClass().getSimpleName() + "); retry in a moment.");
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package org.pharmamaturity.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few Confluent registry API calls the broker and registry tests make, over plain HTTP. */
public final class RegistryHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers an Avro schema under a subject and returns its id. */
    public int register(String subject, String avroSchema) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("schema", avroSchema));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request).get("id").asInt();
    }

    /** The schema text stored under an id. */
    public String schemaById(int id) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/schemas/ids/" + id)).GET().build()).get("schema").asText();
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}

package org.pharmamaturity.streams.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /api/v1/openapi.json}: the hand-written OpenAPI 3 document of this API, without a token. */
final class OpenApiResource {

    /** The classpath resource of the document. */
    static final String DOCUMENT = "/org/pharmamaturity/streams/api/openapi.json";

    private final String document;

    OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the streams jar; rebuild it");
            }
            this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Route> routes() {
        return List.of(Route.publicGet("/api/v1/openapi.json", request -> ApiResponse.jsonText(document)));
    }
}

package org.pharmamaturity.streams.api;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.pharmamaturity.evaluation.json.Json;

/**
 * {@code GET /health} (liveness: 200 while Kafka Streams is RUNNING or REBALANCING, which still serves queries; 503
 * for CREATED, ERROR, PENDING_ERROR, PENDING_SHUTDOWN and NOT_RUNNING) and {@code GET /health/ready} (200 only
 * when RUNNING). Both answer the state and the stream threads without a token, for load balancers and probes.
 */
final class HealthResource {

    private static final Set<State> ALIVE = Set.of(State.RUNNING, State.REBALANCING);

    private final KafkaStreams streams;

    HealthResource(KafkaStreams streams) {
        this.streams = streams;
    }

    List<Route> routes() {
        return List.of(Route.publicGet("/health", request -> answer(ALIVE)),
                Route.publicGet("/health/ready", request -> answer(Set.of(State.RUNNING))));
    }

    private ApiResponse answer(Set<State> healthy) {
        State state = streams.state();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("state", state.name());
        body.put("healthy", healthy.contains(state));
        ArrayNode threads = body.putArray("threads");
        try {
            streams.metadataForLocalThreads().forEach(thread -> threads.addObject()
                    .put("name", thread.threadName()).put("state", thread.threadState())
                    .put("activeTasks", thread.activeTasks().size()).put("standbyTasks", thread.standbyTasks().size()));
        } catch (RuntimeException e) {
            // Shutting down or failed: the state alone is the answer.
            body.put("threadsUnavailable", e.getClass().getSimpleName());
        }
        return ApiResponse.json(healthy.contains(state) ? 200 : 503, body);
    }
}

package org.pharmamaturity.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.streams.testing.UnstartedStreams;

/**
 * /health is 503 whenever Kafka Streams is not RUNNING or REBALANCING (here CREATED, then NOT_RUNNING after close);
 * the RUNNING case is in ApiIntegrationTest. A KafkaStreams that is never started needs no broker.
 */
class HealthResourceTest {

    @Test
    void notRunningIs503WithTheState(@TempDir Path stateDir) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("health-test-input");
        try (KafkaStreams streams = UnstartedStreams.of(builder.build(), "health-test", stateDir)) {
            HealthResource health = new HealthResource(streams);
            assertAnswer(health, 0, 503, "\"state\":\"CREATED\"");
            assertAnswer(health, 1, 503, "\"state\":\"CREATED\"");
            streams.close(Duration.ofSeconds(5));
            assertAnswer(health, 0, 503, "\"state\":\"NOT_RUNNING\"");
        }
    }

    private static void assertAnswer(HealthResource health, int route, int status, String fragment) throws Exception {
        ApiResponse answer = health.routes().get(route).handler().handle(null);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains(fragment).contains("\"healthy\":false");
    }
}

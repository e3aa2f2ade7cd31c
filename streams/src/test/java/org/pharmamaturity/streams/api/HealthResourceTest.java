package org.pharmamaturity.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /health is 503 whenever Kafka Streams is not RUNNING or REBALANCING (here CREATED, then NOT_RUNNING after close);
 * the RUNNING case is in ApiIntegrationTest. A KafkaStreams that is never started needs no broker.
 */
class HealthResourceTest {

    @Test
    void notRunningIs503WithTheState(@TempDir Path stateDir) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("health-test-input");
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "health-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
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

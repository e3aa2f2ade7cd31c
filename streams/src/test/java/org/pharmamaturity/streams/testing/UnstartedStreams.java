package org.pharmamaturity.streams.testing;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** A KafkaStreams that is created and never started (state CREATED): it needs no broker. */
public final class UnstartedStreams {

    private UnstartedStreams() {
    }

    /** {@code topology} under application id {@code applicationId}, its state in {@code stateDir}. */
    public static KafkaStreams of(Topology topology, String applicationId, Path stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new KafkaStreams(topology, properties);
    }
}

package org.pharmamaturity.streams.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.serde.SpecificAvroSerde;

/**
 * The registry-backed Avro serdes of the pipeline's topics (Confluent wire format), configured once from the
 * service's serde settings ({@code schema.registry.url} and friends; {@code mock://<scope>} in tests). Internal
 * topics and stores use {@link org.pharmamaturity.streams.state.StateSerde} instead.
 */
public final class TopicSerdes {

    private final Map<String, Object> settings;

    public TopicSerdes(Map<String, ?> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** A new, configured value serde of the topic, reading into its generated class. */
    public <V extends SpecificRecord> Serde<V> valueSerde(Topic<V> topic) {
        SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(topic.valueClass());
        serde.configure(settings, false);
        return serde;
    }
}

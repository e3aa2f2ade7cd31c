package org.pharmamaturity.benchmarks.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.streams.serde.TopicSerdes;

/**
 * The skeleton the pipeline is measured against: the least a Kafka Streams application of the pipeline's shape
 * does with the same backlog, settings, serde and guarantee. It deserializes every event topic, repartitions once
 * by enterprise and UTC day, and keeps one persistent count per enterprise and day; nothing else. Its rate is the
 * limit for this topology shape on the machine, so the pipeline's share of it says how much its own work costs.
 */
final class SkeletonPipeline {

    private SkeletonPipeline() {
    }

    /** The skeleton's topology, reading the event topics with the serdes the pipeline uses. */
    static Topology topology(TopicSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, SpecificRecord> events = null;
        for (Topic<?> topic : eventTopics()) {
            KStream<String, SpecificRecord> stream = source(builder, topic, serdes);
            events = events == null ? stream : events.merge(stream, Named.as("skeleton-merge-" + topic.name()));
        }
        List<Class<? extends SpecificRecord>> types = eventTopics().stream()
                .<Class<? extends SpecificRecord>>map(Topic::valueClass).toList();
        events.selectKey((key, value) -> enterpriseDay(value), Named.as("skeleton-enterprise-day"))
                .groupByKey(Grouped.with("skeleton-by-enterprise-day", Serdes.String(), new AnyEventSerde(types)))
                .count(Named.as("skeleton-count"), Materialized.as("skeleton-counts"));
        return builder.build();
    }

    /** The skeleton application with {@code properties} (the pipeline's Kafka settings). */
    static KafkaStreams create(TopicSerdes serdes, Properties properties) {
        return new KafkaStreams(topology(serdes), settings(properties));
    }

    /** {@code properties} with garbage skipped: the skeleton has no dead-letter topic to send it to. */
    static Properties settings(Properties properties) {
        Properties skeleton = new Properties();
        skeleton.putAll(properties);
        skeleton.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        return skeleton;
    }

    /** {@code enterpriseId|yyyy-mm-dd} of an event: every event record has both fields. */
    static String enterpriseDay(SpecificRecord value) {
        Object enterprise = value.get(value.getSchema().getField("enterpriseId").pos());
        Instant eventTime = (Instant) value.get(value.getSchema().getField("eventTime").pos());
        return enterprise + "|" + eventTime.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static List<Topic<?>> eventTopics() {
        return InputTopics.ALL.stream().filter(topic -> BenchTopics.EVENT_INPUTS.contains(topic.name())).toList();
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> KStream<String, SpecificRecord> source(StreamsBuilder builder,
            Topic<V> topic, TopicSerdes serdes) {
        KStream<String, ?> stream = builder.stream(topic.name(),
                Consumed.with(Serdes.String(), serdes.valueSerde(topic)).withName("skeleton-source-" + topic.name()));
        return (KStream<String, SpecificRecord>) stream;
    }
}

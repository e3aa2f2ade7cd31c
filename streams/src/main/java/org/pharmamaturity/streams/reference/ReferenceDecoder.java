package org.pharmamaturity.streams.reference;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.schemas.serde.AvroSerdeException;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.pharmamaturity.streams.validation.Problem;

/**
 * Decodes and checks one record of a reference topic as read from Kafka (key text, value bytes). The global store
 * updater applies what it accepts and the reference audit dead-letters what it refuses; both use this class, so
 * they always judge a record alike.
 *
 * @param <V> the reference record type
 */
public final class ReferenceDecoder<V extends SpecificRecord> {

    /** What a reference record means for its store. */
    public sealed interface Outcome<V> {

        /** A valid record: store it under its key. */
        record Put<V>(V value) implements Outcome<V> {
        }

        /** A tombstone: remove the key. */
        record Remove<V>() implements Outcome<V> {
        }

        /** A record that cannot be used, and why. */
        record Refuse<V>(Problem problem) implements Outcome<V> {
        }
    }

    private final Topic<V> topic;
    private final ReferenceKind<V> kind;
    private final Deserializer<V> deserializer;

    private ReferenceDecoder(Topic<V> topic, ReferenceKind<V> kind, TopicSerdes serdes) {
        this.topic = topic;
        this.kind = kind;
        this.deserializer = serdes.valueSerde(topic).deserializer();
    }

    /** The decoder of ref.enterprise. */
    public static ReferenceDecoder<Enterprise> enterprises(TopicSerdes serdes) {
        return new ReferenceDecoder<>(Topic.REF_ENTERPRISE, ReferenceKind.ENTERPRISE, serdes);
    }

    /** The decoder of ref.equipment. */
    public static ReferenceDecoder<Equipment> equipment(TopicSerdes serdes) {
        return new ReferenceDecoder<>(Topic.REF_EQUIPMENT, ReferenceKind.EQUIPMENT, serdes);
    }

    /** The decoder of ref.title, whose typical-scenario awards must name a scenario of {@code catalogue}. */
    public static ReferenceDecoder<TitleAward> titles(TopicSerdes serdes, ScenarioCatalogue catalogue) {
        return new ReferenceDecoder<>(Topic.REF_TITLE, ReferenceKind.titles(catalogue), serdes);
    }

    /** The topic this decoder reads. */
    public Topic<V> topic() {
        return topic;
    }

    /** The kind of record, for storing an accepted one. */
    ReferenceKind<V> kind() {
        return kind;
    }

    /**
     * What the record means.
     *
     * @throws AvroSerdeException when the registry, not the record, is at fault: the record must wait for it
     */
    public Outcome<V> decode(String key, Headers headers, byte[] value) {
        if (key == null || key.isBlank()) {
            return refuse(DeadLetterReason.INVALID_VALUE, "the record has no key; " + topic + " is keyed by "
                    + topic.keyDescription());
        }
        if (value == null) {
            return new Outcome.Remove<>();
        }
        V decoded;
        try {
            decoded = deserializer.deserialize(topic.name(), headers, value);
        } catch (AvroSerdeException e) {
            if (!e.reason().recordProblem()) {
                throw e;
            }
            return refuse(e.reason().deadLetterReason(), e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        kind.check(key, decoded, problems);
        if (!problems.isEmpty()) {
            return refuse(DeadLetterReason.INVALID_VALUE, String.join("; ", problems));
        }
        return new Outcome.Put<>(decoded);
    }

    private static <V> Outcome<V> refuse(DeadLetterReason reason, String message) {
        return new Outcome.Refuse<>(new Problem(reason, message));
    }
}

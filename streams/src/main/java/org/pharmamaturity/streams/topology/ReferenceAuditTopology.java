package org.pharmamaturity.streams.topology;

import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.streams.reference.ReferenceAuditProcessor;
import org.pharmamaturity.streams.reference.ReferenceDecoder;

/**
 * Dead-letters the bad records of ref.enterprise, ref.equipment and ref.title. The global stores read those topics too, but
 * the global thread has no producer and re-reads its topics on every restore, and Kafka Streams does not allow a
 * topic to be a global and a regular source of one topology; so this is a topology of its own, run by a second,
 * stateless KafkaStreams application of the service ({@code <application.id>-reference-audit}, exactly-once,
 * committed offsets). Per reference topic: source {@code reference-audit-<kind>-source}, check
 * {@code reference-audit-<kind>-check} ({@link ReferenceAuditProcessor}), sink {@code reference-audit-<kind>-dlq}.
 */
public final class ReferenceAuditTopology {

    private ReferenceAuditTopology() {
    }

    /** Builds the audit topology. */
    public static Topology build(TopologyDependencies dependencies) {
        StreamsBuilder builder = new StreamsBuilder();
        audit(builder, "enterprise", Topic.REF_ENTERPRISE, d -> ReferenceDecoder.enterprises(d.serdes()), dependencies);
        audit(builder, "equipment", Topic.REF_EQUIPMENT, d -> ReferenceDecoder.equipment(d.serdes()), dependencies);
        audit(builder, "title", Topic.REF_TITLE, ReferenceAuditTopology::titles, dependencies);
        return builder.build();
    }

    /** The decoder of ref.title, which checks typical-scenario awards against the catalogue in force. */
    static ReferenceDecoder<TitleAward> titles(TopologyDependencies dependencies) {
        return ReferenceDecoder.titles(dependencies.serdes(), dependencies.scenarioDeclarations().catalogue());
    }

    /** Each processor gets a decoder of its own: deserializers are not shared between stream threads. */
    private static <V extends SpecificRecord> void audit(StreamsBuilder builder, String kind, Topic<V> topic,
            Function<TopologyDependencies, ReferenceDecoder<V>> decoder, TopologyDependencies dependencies) {
        String prefix = "reference-audit-" + kind;
        String checkName = prefix + "-check";
        builder.stream(topic.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(prefix + "-source"))
                .process(() -> new ReferenceAuditProcessor<>(decoder.apply(dependencies), checkName,
                        dependencies.meters()), Named.as(checkName))
                .to(Topic.MATURITY_DLQ.name(), Produced.<byte[], DeadLetter>with(Serdes.ByteArray(),
                        dependencies.serdes().valueSerde(Topic.MATURITY_DLQ)).withName(prefix + "-dlq"));
    }
}

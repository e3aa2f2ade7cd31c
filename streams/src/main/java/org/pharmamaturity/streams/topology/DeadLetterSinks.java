package org.pharmamaturity.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.streams.dlq.LateRecord;

/** Where the topologies write their dead letters: maturity.dlq, keyed by the original record's key bytes. */
final class DeadLetterSinks {

    private DeadLetterSinks() {
    }

    /** Writes {@code letters} to maturity.dlq through the sink {@code <prefix>-dlq}. */
    static void toDeadLetterTopic(KStream<byte[], DeadLetter> letters, String prefix, TopologyDependencies dependencies) {
        letters.to(Topic.MATURITY_DLQ.name(), Produced.<byte[], DeadLetter>with(Serdes.ByteArray(),
                dependencies.serdes().valueSerde(Topic.MATURITY_DLQ)).withName(prefix + "-dlq"));
    }

    /**
     * Writes the LATE dead letters of a KPI stage to maturity.dlq: through {@code <stage>-dead-letter} and the sink
     * {@code <stage>-dlq}.
     */
    static void lateRecords(KStream<?, LateRecord> late, String stage, TopologyDependencies dependencies) {
        toDeadLetterTopic(late.map((key, record) -> KeyValue.pair(record.key(), record.deadLetter()),
                Named.as(stage + "-dead-letter")), stage, dependencies);
    }
}

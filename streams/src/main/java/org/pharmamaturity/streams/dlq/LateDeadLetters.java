package org.pharmamaturity.streams.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.pharmamaturity.streams.serde.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters (reason LATE) of one KPI stage for records that arrived after their day had closed for good. By
 * then the record has crossed validation and a repartition topic, so its original bytes are gone: it is re-encoded
 * as its input topic carries it (the topic's registry-backed value serde, Confluent wire format) and the dead
 * letter names that topic, so the value can be produced onto it again as it is (docs/adr/0005-late-records-and-close-margin.md). Partition
 * and offset of the original are not known here (-1), nor its Kafka timestamp (none). Each one is also counted as a
 * late record of the stage ({@code maturity_late_records_total}) and as a dead letter of the topic.
 */
public final class LateDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(LateDeadLetters.class);

    private final String stage;
    private final TopicSerdes serdes;
    private final PipelineMeters meters;
    private final Map<String, Serializer<?>> serializers = new HashMap<>();

    /** @param stage the KPI processor's name, e.g. kpi-equipment (the late counter's label) */
    public LateDeadLetters(String stage, TopicSerdes serdes, PipelineMeters meters) {
        this.stage = stage;
        this.serdes = serdes;
        this.meters = meters;
    }

    /**
     * Counts {@code value}, read from {@code topic} with {@code key}, as late and returns its dead letter.
     *
     * @param eventTime the record's event time, whose day is closed
     * @param rejectedAtMs processing wall-clock time
     */
    public <V extends SpecificRecord> LateRecord deadLetter(Topic<V> topic, String key, V value, Headers headers,
            String enterpriseId, Instant eventTime, long rejectedAtMs) {
        meters.lateRecord(stage);
        meters.deadLetter(topic.name(), DeadLetterReason.LATE);
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        byte[] valueBytes = serializer(topic).serialize(topic.name(), value);
        SourceRecord source = new SourceRecord(topic.name(), -1, -1, -1, keyBytes, valueBytes, headers);
        LocalDate day = LocalDate.ofInstant(eventTime, ZoneOffset.UTC);
        String message = "eventTime " + eventTime + " falls on " + day + ", which " + stage + " had closed for good"
                + " (its end plus the grace had passed in event time, then the close margin in wall-clock time);"
                + " replay the value onto " + topic.name() + " to count it once the day may be corrected";
        LOG.warn("Dead letter LATE from {} key {} at {}: {}", topic.name(), key, stage, message);
        return new LateRecord(keyBytes, DeadLetters.of(source, DeadLetterReason.LATE, message, rejectedAtMs,
                enterpriseId, null, stage));
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> Serializer<V> serializer(Topic<V> topic) {
        return (Serializer<V>) serializers.computeIfAbsent(topic.name(), name -> serdes.valueSerde(topic).serializer());
    }
}

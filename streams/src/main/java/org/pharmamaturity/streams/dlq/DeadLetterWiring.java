package org.pharmamaturity.streams.dlq;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.serde.AvroSerdeException;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;
import org.pharmamaturity.streams.metrics.PipelineMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three exception handlers share: installing them in the Kafka Streams settings, the meters they count
 * on, and turning a failure into a dead-letter record for maturity.dlq (KIP-1034: the handler returns the record
 * and Kafka Streams sends it in the task's transaction, so under exactly_once_v2 a dead letter is written exactly
 * when the input offset is committed).
 */
public final class DeadLetterWiring {

    /** Settings key under which the {@link PipelineMeters} instance reaches the handlers. */
    public static final String METERS_CONFIG = "maturity.internal.pipeline-meters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWiring.class);

    private final AvroSerializer<DeadLetter> serializer = new AvroSerializer<>();
    private final PipelineMeters meters;

    private DeadLetterWiring(Map<String, ?> configs) {
        serializer.configure(configs, false);
        Object configured = configs.get(METERS_CONFIG);
        if (configured instanceof PipelineMeters given) {
            meters = given;
        } else {
            LOG.warn("No {} in the Kafka Streams settings: dead letters from exception handlers are counted in a"
                    + " private counter nobody reads. Install the handlers with DeadLetterWiring.install.", METERS_CONFIG);
            meters = new CountingPipelineMeters();
        }
    }

    /** Sets the three dead-letter exception handlers and the meters they count on. */
    public static void install(Properties streamsProperties, PipelineMeters meters) {
        streamsProperties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        streamsProperties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingHandler.class.getName());
        streamsProperties.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionHandler.class.getName());
        streamsProperties.put(METERS_CONFIG, meters);
    }

    /** The wiring of one handler instance, from the settings Kafka Streams configures it with. */
    static DeadLetterWiring configure(Map<String, ?> configs) {
        return new DeadLetterWiring(configs);
    }

    /**
     * True when the registry (not the record) is the problem: retrying later can succeed, so the handler fails
     * the task and the record waits instead of being dead-lettered.
     */
    static boolean registryTrouble(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AvroSerdeException serde) {
                return !serde.reason().recordProblem();
            }
        }
        return false;
    }

    /** The dead-letter reason of a serde failure, or {@code fallback} for any other error. */
    static DeadLetterReason reasonOf(Throwable error, DeadLetterReason fallback) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AvroSerdeException serde) {
                return serde.reason().deadLetterReason();
            }
        }
        return fallback;
    }

    /** The source record the handler context describes. */
    static SourceRecord sourceOf(ErrorHandlerContext context) {
        String topic = context.topic() == null ? "(no source record: " + context.processorNodeId() + ")" : context.topic();
        return new SourceRecord(topic, context.partition(), context.offset(), context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), context.headers());
    }

    /** Counts, logs and serializes a dead letter for {@code source}. */
    List<ProducerRecord<byte[], byte[]>> deadLetter(SourceRecord source, DeadLetterReason reason, Throwable error,
            String processor) {
        meters.deadLetter(source.topic(), reason);
        LOG.warn("Dead letter {} from {} at {}", reason, source.coordinates(),
                processor == null ? "deserialization" : processor, error);
        DeadLetter letter = DeadLetters.of(source, reason, error.toString(), System.currentTimeMillis(), null, error,
                processor);
        String topic = Topic.MATURITY_DLQ.name();
        return List.of(new ProducerRecord<>(topic, null, source.key(), serializer.serialize(topic, letter)));
    }

    /** True for the global thread, which has no producer: its handlers cannot return dead-letter records. */
    static boolean globalThread(ErrorHandlerContext context) {
        return context.taskId() != null && context.taskId().subtopology() < 0;
    }

    /** Counts and logs a record that cannot be dead-lettered (global thread): it stays in its compacted topic. */
    void uncollectable(SourceRecord source, DeadLetterReason reason, Throwable error) {
        meters.deadLetter(source.topic(), reason);
        LOG.error("Record {} cannot be read ({}): {}. The global thread cannot write to maturity.dlq; the record"
                + " stays in its topic, fix it by writing a corrected record with the same key.",
                source.coordinates(), reason, error.toString());
    }
}

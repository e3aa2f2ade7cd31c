package org.pharmamaturity.schemas.serde;

import java.util.OptionalInt;

import org.apache.kafka.common.errors.SerializationException;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * A record could not be serialized or deserialized. It names the topic, whether the key or the value failed, the
 * schema id when one was involved, and a {@link Reason} that a dead-letter handler can branch on.
 *
 * <p>Kafka's {@code Deserializer} API never sees the partition and offset, so the message cannot name them.
 * They reach the caller by two routes: a {@code KafkaConsumer} wraps this exception in a
 * {@code RecordDeserializationException} whose message and accessors carry them, and a Kafka Streams
 * {@code DeserializationExceptionHandler} receives the {@code ConsumerRecord}; both can call
 * {@link #describeAt(int, long)} for one line naming everything.
 */
public final class AvroSerdeException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The first byte is not the Confluent magic byte 0: the bytes were not written by a registry serde. */
        WRONG_MAGIC_BYTE(true, DeadLetterReason.NOT_AVRO),
        /** Fewer bytes than the 5-byte header. */
        TRUNCATED_PAYLOAD(true, DeadLetterReason.NOT_AVRO),
        /** The bytes after the header do not decode with the writer schema. */
        MALFORMED_PAYLOAD(true, DeadLetterReason.NOT_AVRO),
        /** The registry does not know the schema id in the header. */
        UNKNOWN_SCHEMA_ID(true, DeadLetterReason.UNKNOWN_SCHEMA_ID),
        /** The writer schema cannot be resolved to the reader's class (evolution rules broken). */
        READER_SCHEMA_MISMATCH(true, DeadLetterReason.SCHEMA_MISMATCH),
        /** No generated class on the classpath matches the writer schema's record name. */
        NO_READER_CLASS(true, DeadLetterReason.SCHEMA_MISMATCH),
        /** The record does not match its own schema (e.g. a required field is null). */
        INVALID_RECORD(false, DeadLetterReason.PROCESSING_ERROR),
        /** The object given to the serializer is not an Avro record, enum or fixed. */
        NOT_AVRO_DATA(false, DeadLetterReason.PROCESSING_ERROR),
        /** The registry refused the schema under the subject's compatibility rule. */
        INCOMPATIBLE_SCHEMA(false, DeadLetterReason.PROCESSING_ERROR),
        /** The registry refused the schema as invalid. */
        INVALID_SCHEMA(false, DeadLetterReason.PROCESSING_ERROR),
        /** auto.register.schemas is false and the schema is not registered under the subject. */
        SCHEMA_NOT_REGISTERED(false, DeadLetterReason.PROCESSING_ERROR),
        /** No registry URL answered. */
        REGISTRY_UNREACHABLE(false, DeadLetterReason.PROCESSING_ERROR),
        /** The registry refused the credentials. */
        UNAUTHORIZED(false, DeadLetterReason.PROCESSING_ERROR),
        /** Any other registry failure. */
        REGISTRY_ERROR(false, DeadLetterReason.PROCESSING_ERROR);

        private final boolean recordProblem;
        private final DeadLetterReason deadLetterReason;

        Reason(boolean recordProblem, DeadLetterReason deadLetterReason) {
            this.recordProblem = recordProblem;
            this.deadLetterReason = deadLetterReason;
        }

        /**
         * True when the record itself is bad, so retrying cannot help and it belongs in the dead-letter topic;
         * false when the registry or the configuration is the problem and the application should stop or retry.
         */
        public boolean recordProblem() {
            return recordProblem;
        }

        /** The dead-letter reason a record failing this way is filed under. */
        public DeadLetterReason deadLetterReason() {
            return deadLetterReason;
        }
    }

    private final Reason reason;
    private final String topic;
    private final boolean key;
    private final Integer schemaId;

    AvroSerdeException(Reason reason, String topic, boolean key, Integer schemaId, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.topic = topic;
        this.key = key;
        this.schemaId = schemaId;
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }

    /** The topic of the record. */
    public String topic() {
        return topic;
    }

    /** True when the record's key failed, false for its value. */
    public boolean isKey() {
        return key;
    }

    /** The schema id involved, when one was (read from the header, or assigned by the registry). */
    public OptionalInt schemaId() {
        return schemaId == null ? OptionalInt.empty() : OptionalInt.of(schemaId);
    }

    /** One line naming the topic, partition and offset of the failed record, then what went wrong. */
    public String describeAt(int partition, long offset) {
        return topic + "-" + partition + "@" + offset + ": " + getMessage();
    }
}

package org.pharmamaturity.streams.dlq;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * Records Kafka Streams cannot deserialize go to maturity.dlq with the reason from the serde (NOT_AVRO,
 * UNKNOWN_SCHEMA_ID, SCHEMA_MISMATCH, or OTHER for internal topics holding foreign data) and processing
 * continues. The input topics are read as bytes and checked by the validation topology, so this handler sees
 * internal topics only; it fails the task when the registry itself is unreachable, so records wait rather than
 * being filed as bad.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private DeadLetterWiring wiring;

    @Override
    public void configure(Map<String, ?> configs) {
        wiring = DeadLetterWiring.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        if (DeadLetterWiring.registryTrouble(exception)) {
            return Response.fail();
        }
        SourceRecord source = new SourceRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), record.headers());
        DeadLetterReason reason = DeadLetterWiring.reasonOf(exception, DeadLetterReason.OTHER);
        if (DeadLetterWiring.globalThread(context)) {
            wiring.uncollectable(source, reason, exception);
            return Response.resume();
        }
        return Response.resume(wiring.deadLetter(source, reason, exception, null));
    }
}

package org.pharmamaturity.streams.dlq;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * An output record that cannot be serialized or sent is recorded in maturity.dlq with the source record that
 * produced it, and processing continues (Kafka's default handler would stop the application and, on every
 * restart, stop it again on the same record). Retriable send errors are retried; a registry outage fails the
 * task, so the output is produced once the registry is back rather than filed as bad.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private DeadLetterWiring wiring;

    @Override
    public void configure(Map<String, ?> configs) {
        wiring = DeadLetterWiring.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        return Response.resume(wiring.deadLetter(DeadLetterWiring.sourceOf(context), DeadLetterReason.PROCESSING_ERROR,
                exception, context.processorNodeId()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        if (DeadLetterWiring.registryTrouble(exception)) {
            return Response.fail();
        }
        return Response.resume(wiring.deadLetter(DeadLetterWiring.sourceOf(context), DeadLetterReason.PROCESSING_ERROR,
                exception, context.processorNodeId()));
    }
}

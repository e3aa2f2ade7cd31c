package org.pharmamaturity.streams.dlq;

import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.pharmamaturity.schemas.avro.DeadLetterReason;

/**
 * An exception inside a processor sends the source record of the task (its raw bytes as read from the source or
 * repartition topic) to maturity.dlq as PROCESSING_ERROR, naming the processor, and processing continues. A
 * registry outage fails the task instead, so the record is retried after the thread restarts.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetterWiring wiring;

    @Override
    public void configure(Map<String, ?> configs) {
        wiring = DeadLetterWiring.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (DeadLetterWiring.registryTrouble(exception)) {
            return Response.fail();
        }
        SourceRecord source = DeadLetterWiring.sourceOf(context);
        if (DeadLetterWiring.globalThread(context)) {
            wiring.uncollectable(source, DeadLetterReason.PROCESSING_ERROR, exception);
            return Response.resume();
        }
        return Response.resume(wiring.deadLetter(source, DeadLetterReason.PROCESSING_ERROR, exception,
                context.processorNodeId()));
    }
}

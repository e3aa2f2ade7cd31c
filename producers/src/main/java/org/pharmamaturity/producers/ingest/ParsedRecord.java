package org.pharmamaturity.producers.ingest;

import java.util.concurrent.Future;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.schemas.Topic;

/**
 * A record built from a valid row (or, for a self-assessment, from all rows of one submission), ready to send.
 *
 * @param <V> the topic's value record
 */
public record ParsedRecord<V extends SpecificRecord>(Topic<V> topic, String key, V value) {

    /** Sends this record with {@code publisher}; the future completes when the broker acknowledged it. */
    public Future<RecordMetadata> sendWith(RecordPublisher publisher) {
        return publisher.send(topic, key, value);
    }
}

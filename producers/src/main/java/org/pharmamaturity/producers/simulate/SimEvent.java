package org.pharmamaturity.producers.simulate;

import org.apache.avro.specific.SpecificRecord;
import org.pharmamaturity.producers.RecordPublisher;
import org.pharmamaturity.schemas.Topic;

/**
 * One generated record with its topic, key and simulated event time, ready to publish.
 *
 * @param eventTimeMs the record's {@code eventTime}, for pacing
 * @param <V> the topic's value record
 */
public record SimEvent<V extends SpecificRecord>(Topic<V> topic, String key, V value, long eventTimeMs) {

    /** Sends this event with {@code publisher}. */
    public void sendWith(RecordPublisher publisher) {
        publisher.send(topic, key, value);
    }
}

package org.pharmamaturity.streams.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.streams.config.ServiceSettings;

/**
 * Publishes accepted self-assessments to assessment.self.submitted, keyed by enterpriseId, with an idempotent
 * producer (acks=all) and the project's Avro serializer; the service's Kafka security and registry settings are
 * passed through. A send is waited for, so an accepted submission is durably in the topic.
 */
final class AssessmentPublisher implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<String, SelfAssessmentSubmission> producer;

    AssessmentPublisher(ServiceSettings settings) {
        Map<String, Object> config = new HashMap<>();
        settings.kafkaSettings().forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.applicationId() + "-api-assessments");
        AvroSerializer<SelfAssessmentSubmission> values = new AvroSerializer<>();
        values.configure(settings.serdeSettings(), false);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Sends and waits for the broker's acknowledgement; 503 when it does not come. */
    RecordMetadata publish(SelfAssessmentSubmission submission) throws InterruptedException {
        try {
            return producer.send(new ProducerRecord<>(Topic.ASSESSMENT_SELF_SUBMITTED.name(),
                    submission.getEnterpriseId(), submission)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw ApiException.unavailable("The assessment could not be published to "
                    + Topic.ASSESSMENT_SELF_SUBMITTED.name() + " (" + (e.getCause() == null ? e : e.getCause())
                    .getClass().getSimpleName() + "); nothing was accepted, submit it again.");
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

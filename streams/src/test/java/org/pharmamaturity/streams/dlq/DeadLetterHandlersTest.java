package org.pharmamaturity.streams.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.registry.CompatibilityLevel;
import org.pharmamaturity.schemas.registry.CompatibilityResult;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;
import org.pharmamaturity.schemas.registry.RegisteredSchema;
import org.pharmamaturity.schemas.registry.RegistryUnreachableException;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerdeException;
import org.pharmamaturity.streams.metrics.CountingPipelineMeters;

/** The exception handlers route failures to maturity.dlq (KIP-1034 records), except when waiting is right. */
class DeadLetterHandlersTest {

    private static final byte[] KEY = "EQ1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {0, 0, 0, 0, 1, 42};

    private final String scope = "handlers-" + UUID.randomUUID();
    private final CountingPipelineMeters meters = new CountingPipelineMeters();
    private final Map<String, Object> configs = new HashMap<>(Map.of("schema.registry.url", "mock://" + scope,
            DeadLetterWiring.METERS_CONFIG, meters));

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistryClient.dropScope(scope);
    }

    @Test
    void aProcessingErrorBecomesADeadLetterAndProcessingGoesOn() {
        ProcessingExceptionHandler handler = new DeadLetterProcessingHandler();
        handler.configure(configs);
        ProcessingExceptionHandler.Response response = handler.handleError(context(new TaskId(3, 1)),
                new Record<>("EQ1", "value", 0L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        DeadLetter letter = onlyLetter(response.deadLetterQueueRecords());
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.PROCESSING_ERROR);
        assertThat(letter.getSourceTopic()).isEqualTo("kpi-enterprise-facts-batch-repartition");
        assertThat(letter.getSourcePartition()).isEqualTo(2);
        assertThat(letter.getSourceOffset()).isEqualTo(17L);
        assertThat(bytes(letter.getValue())).isEqualTo(VALUE);
        assertThat(letter.getProcessor()).isEqualTo("kpi-enterprise");
        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(meters.deadLetters("kpi-enterprise-facts-batch-repartition", DeadLetterReason.PROCESSING_ERROR))
                .isEqualTo(1);
    }

    @Test
    void aRegistryOutageFailsTheTaskSoTheRecordWaits() {
        ProcessingExceptionHandler handler = new DeadLetterProcessingHandler();
        handler.configure(configs);
        ProcessingExceptionHandler.Response response = handler.handleError(context(new TaskId(3, 1)),
                new Record<>("EQ1", "value", 0L), registryOutage());

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(meters.deadLetterCounts()).isEmpty();
    }

    @Test
    void anUndecodableInternalRecordBecomesADeadLetterWithTheSerdesReason() {
        DeserializationExceptionHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(configs);
        byte[] notAvro = "hello".getBytes(StandardCharsets.UTF_8);
        AvroSerdeException error = catchThrowableOfType(AvroSerdeException.class,
                () -> deserializer(InMemorySchemaRegistryClient.forScope(scope)).deserialize("t", notAvro));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t", 0, 5L, KEY, notAvro);

        DeserializationExceptionHandler.Response response = handler.handleError(context(new TaskId(0, 0)), record, error);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        DeadLetter letter = onlyLetter(response.deadLetterQueueRecords());
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.NOT_AVRO);
        assertThat(letter.getSourceOffset()).isEqualTo(5L);
        assertThat(bytes(letter.getValue())).isEqualTo(notAvro);
        assertThat(letter.getProcessor()).isNull();
    }

    @Test
    void theGlobalThreadCountsWhatItCannotDeadLetter() {
        ProcessingExceptionHandler handler = new DeadLetterProcessingHandler();
        handler.configure(configs);
        ProcessingExceptionHandler.Response response = handler.handleError(context(new TaskId(-1, -1)),
                new Record<>("E1", "value", 0L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(meters.deadLetters("kpi-enterprise-facts-batch-repartition", DeadLetterReason.PROCESSING_ERROR))
                .isEqualTo(1);
    }

    @Test
    void productionErrorsAreRetriedWhenTransientAndDeadLetteredOtherwise() {
        ProductionExceptionHandler handler = new DeadLetterProductionHandler();
        handler.configure(configs);
        ProducerRecord<byte[], byte[]> output = new ProducerRecord<>("maturity.enterprise", KEY, VALUE);

        assertThat(handler.handleError(context(new TaskId(3, 1)), output, new TimeoutException("slow")).result())
                .isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(handler.handleSerializationError(context(new TaskId(3, 1)), output, registryOutage(),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
        ProductionExceptionHandler.Response refused = handler.handleError(context(new TaskId(3, 1)), output,
                new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
        assertThat(refused.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(onlyLetter(refused.deadLetterQueueRecords()).getReason()).isEqualTo(DeadLetterReason.PROCESSING_ERROR);
    }

    private DeadLetter onlyLetter(List<ProducerRecord<byte[], byte[]>> records) {
        assertThat(records).hasSize(1);
        ProducerRecord<byte[], byte[]> record = records.get(0);
        assertThat(record.topic()).isEqualTo(Topic.MATURITY_DLQ.name());
        assertThat(record.key()).isEqualTo(KEY);
        AvroDeserializer<DeadLetter> deserializer = deserializer(InMemorySchemaRegistryClient.forScope(scope));
        return deserializer.deserialize(record.topic(), record.value());
    }

    private static <T> AvroDeserializer<T> deserializer(SchemaRegistryClient client) {
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of("schema.registry.url", "mock://unused", "specific.avro.reader", true), false);
        return deserializer;
    }

    /** A real serde failure whose cause is an unreachable registry. */
    private static AvroSerdeException registryOutage() {
        return catchThrowableOfType(AvroSerdeException.class,
                () -> deserializer(new UnreachableRegistry()).deserialize("t", VALUE));
    }

    private static ErrorHandlerContext context(TaskId taskId) {
        return new ErrorHandlerContext() {
            @Override public String topic() { return "kpi-enterprise-facts-batch-repartition"; }
            @Override public int partition() { return 2; }
            @Override public long offset() { return 17L; }
            @Override public Headers headers() { return new RecordHeaders(); }
            @Override public String processorNodeId() { return "kpi-enterprise"; }
            @Override public TaskId taskId() { return taskId; }
            @Override public long timestamp() { return 1_740_816_000_000L; }
            @Override public byte[] sourceRawKey() { return KEY; }
            @Override public byte[] sourceRawValue() { return VALUE; }
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    /** A registry nobody can reach. */
    private static final class UnreachableRegistry implements SchemaRegistryClient {
        private static RegistryUnreachableException down() {
            return new RegistryUnreachableException("no registry URL answered", null);
        }
        @Override public int register(String subject, Schema schema) { throw down(); }
        @Override public int getId(String subject, Schema schema) { throw down(); }
        @Override public Schema getSchemaById(int id) { throw down(); }
        @Override public RegisteredSchema getLatestVersion(String subject) { throw down(); }
        @Override public CompatibilityResult testCompatibility(String subject, Schema schema) { throw down(); }
        @Override public Optional<CompatibilityLevel> getCompatibility(String subject) { throw down(); }
        @Override public void setCompatibility(String subject, CompatibilityLevel level) { throw down(); }
    }
}

package org.pharmamaturity.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class EmbeddedStackTest {

    private final EmbeddedStack stack = EmbeddedStack.shared();
    private final StringTopics topics = new StringTopics(stack.bootstrapServers());

    @Test
    void sharedReturnsTheSameRunningStackEveryTime() {
        assertThat(EmbeddedStack.shared()).isSameAs(stack);
        assertThat(stack.registry().isRunning()).isTrue();
        assertThat(stack.registryUrl()).isEqualTo("http://127.0.0.1:" + stack.registry().httpPort() + "/apis/ccompat/v7");
    }

    @Test
    void brokerRoundTripsRecordsInOrder() throws Exception {
        topics.create("embedded-round-trip");

        topics.send("embedded-round-trip", "key-1=value-1", "key-2=value-2", "key-3=value-3");

        assertThat(topics.read("embedded-round-trip", "read_uncommitted", 3))
                .containsExactly("key-1=value-1", "key-2=value-2", "key-3=value-3");
    }

    @Test
    void readCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
        String topic = "embedded-transactions";
        topics.create(topic);
        try (KafkaProducer<String, String> producer = topics.producer(
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-stack-test"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "c", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "d", "committed-3"));
            producer.commitTransaction();
        }

        // 4 records written, the aborted one is invisible to read_committed: 4 - 1 = 3 in order a, b, d.
        assertThat(topics.read(topic, "read_committed", 3))
                .containsExactly("a=committed-1", "b=committed-2", "d=committed-3");
        // read_uncommitted sees the aborted record as well: 4.
        assertThat(topics.read(topic, "read_uncommitted", 4))
                .containsExactly("a=committed-1", "b=committed-2", "c=aborted", "d=committed-3");
    }

    @Test
    void registryRegistersAndReturnsASchema() throws Exception {
        RegistryHttp registry = new RegistryHttp(stack.registryUrl());
        String schema = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"embedded.test\","
                + "\"fields\":[{\"name\":\"reading\",\"type\":\"double\"}]}";

        int id = registry.register("embedded-probe-value", schema);
        int again = registry.register("embedded-probe-value", schema);

        assertThat(again).isEqualTo(id);
        assertThat(registry.schemaById(id)).isEqualTo(schema);
    }
}

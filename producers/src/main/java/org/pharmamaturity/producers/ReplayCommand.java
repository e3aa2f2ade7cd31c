package org.pharmamaturity.producers;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.DeadLetter;
import org.pharmamaturity.schemas.avro.DeadLetterHeader;
import org.pharmamaturity.schemas.avro.DeadLetterReason;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code producers replay}: produces the dead letters of maturity.dlq that match (by reason, enterprise, source
 * topic) back onto their source topics, key, value and headers unchanged, e.g. the LATE letters of one enterprise
 * after a regulator accepted them. It reads maturity.dlq (read_committed) from the beginning to its end as of the
 * start, so a rerun replays the same letters again: the pipeline drops a repeated eventId within its dedup horizon.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Produce dead letters of maturity.dlq back onto their source topics, unchanged, then exit.")
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--reason", defaultValue = "LATE", description = "Reason of the letters to replay (default: ${DEFAULT-VALUE}).")
    DeadLetterReason reason;

    @Option(names = "--enterprise", paramLabel = "ID", description = "Only the letters of this enterprise.")
    String enterpriseId;

    @Option(names = "--source-topic", paramLabel = "TOPIC", description = "Only the letters from this topic.")
    String sourceTopic;

    @Option(names = "--dry-run", description = "List the letters that match without producing them.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProducerSettings settings = connection.settings();
        List<DeadLetter> letters = matching(settings);
        if (!dryRun) {
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producerConfigs(Map.of(
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all")),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                letters.forEach(letter -> producer.send(replayOf(letter)));
                producer.flush();
            }
        }
        for (DeadLetter letter : letters) {
            spec.commandLine().getOut().println((dryRun ? "would replay " : "replayed ") + letter.getSourceTopic()
                    + " " + letter.getEnterpriseId() + " " + letter.getErrorMessage());
        }
        spec.commandLine().getOut().println((dryRun ? "would replay " : "replayed ") + letters.size()
                + " dead letter(s) with reason " + reason);
        return 0;
    }

    private List<DeadLetter> matching(ProducerSettings settings) {
        Map<String, Object> configs = new HashMap<>(settings.adminConfigs());
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<DeadLetter> values = new AvroDeserializer<>();
        // The registry settings (URL, basic auth) as a producer of this command would have them.
        values.configure(settings.producerConfigs(Map.of("specific.avro.reader", true)), false);
        List<DeadLetter> matching = new ArrayList<>();
        try (KafkaConsumer<byte[], DeadLetter> consumer = new KafkaConsumer<>(configs, new ByteArrayDeserializer(),
                values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.MATURITY_DLQ.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], DeadLetter> record : consumer.poll(Duration.ofMillis(500))) {
                    if (matches(record.value())) {
                        matching.add(record.value());
                    }
                }
            }
        }
        return matching;
    }

    private boolean matches(DeadLetter letter) {
        return letter.getReason() == reason
                && (enterpriseId == null || enterpriseId.equals(letter.getEnterpriseId()))
                && (sourceTopic == null || sourceTopic.equals(letter.getSourceTopic()));
    }

    private static ProducerRecord<byte[], byte[]> replayOf(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (DeadLetterHeader header : letter.getHeaders()) {
            headers.add(header.getKey(), bytes(header.getValue()));
        }
        return new ProducerRecord<>(letter.getSourceTopic(), null, bytes(letter.getKey()), bytes(letter.getValue()),
                headers);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}

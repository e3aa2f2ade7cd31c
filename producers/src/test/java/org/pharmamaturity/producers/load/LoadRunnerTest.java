package org.pharmamaturity.producers.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.producers.InputTopics;
import org.pharmamaturity.producers.ProducerSettings;
import org.pharmamaturity.producers.TopicSetup;
import org.pharmamaturity.producers.simulate.SimEvent;
import org.pharmamaturity.producers.testing.CliRun;
import org.pharmamaturity.producers.testing.TopicProbe;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.testing.EmbeddedStack;

/** {@code load} sends exactly the records it is asked to, in both modes. */
@Tag("integration")
class LoadRunnerTest {

    private static EmbeddedStack stack;
    private static TopicProbe probe;
    private static ProducerSettings settings;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.shared();
        probe = new TopicProbe(stack);
        settings = new ProducerSettings(stack.bootstrapServers(), stack.registryUrl(), Map.of());
        TopicSetup.ensure(settings, InputTopics.ALL);
    }

    @Test
    void avroModeSendsEveryPregeneratedEventToItsTopic() {
        List<SimEvent<?>> events = LoadCommand.generate(1_500, 5, 42);
        long before = inputRecords();

        LoadResult result = new LoadRunner(settings, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"))
                .avro(events);

        assertThat(result.records()).isEqualTo(1_500);
        assertThat(result.acknowledged()).isEqualTo(1_500);
        assertThat(result.failed()).isZero();
        assertThat(inputRecords()).isEqualTo(before + 1_500);
    }

    @Test
    void bothModesFromTheCommandLineSendNEach() {
        long inputBefore = inputRecords();
        long rawBefore = probe.endOffsetSum("load.test-raw");

        CliRun run = CliRun.against(stack, "load", "--count=700", "--enterprises=3", "--mode=both",
                "--raw-topic=load.test-raw");

        assertThat(run.exitCode()).isZero();
        assertThat(inputRecords()).isEqualTo(inputBefore + 700);
        assertThat(probe.endOffsetSum("load.test-raw")).isEqualTo(rawBefore + 700);
    }

    @Test
    void rawRecordsHaveTheMeanWireSizeOfTheEvents() {
        List<SimEvent<?>> events = LoadCommand.generate(200, 3, 1);
        int size = LoadRunner.recordBytesOf(events);

        LoadResult raw = new LoadRunner(settings, Map.of()).raw("load.test-size", 50, size, 1);

        assertThat(raw.bytesPerRecord()).isEqualTo(size);
        assertThat(raw.acknowledged()).isEqualTo(50);
        // an Avro event carries at least a 36-character event id and a header of 5 bytes
        assertThat(size).isGreaterThan(41);
    }

    private static long inputRecords() {
        return InputTopics.ALL.stream().map(Topic::name).mapToLong(probe::endOffsetSum).sum();
    }
}

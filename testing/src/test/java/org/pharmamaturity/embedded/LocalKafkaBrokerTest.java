package org.pharmamaturity.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.testing.StringTopics;

@Tag("integration")
class LocalKafkaBrokerTest {

    @TempDir
    Path data;

    @Test
    void restartReusesTheFormattedStorageAndKeepsRecords() throws Exception {
        LocalBrokerSettings settings = new LocalBrokerSettings(LoopbackPorts.freePort(), LoopbackPorts.freePort(), data.resolve("kafka"));

        try (LocalKafkaBroker first = LocalKafkaBroker.start(settings)) {
            assertThat(first.formattedStorage()).isTrue();
            assertThat(first.bootstrapServers()).isEqualTo("127.0.0.1:" + settings.port());
            StringTopics topics = new StringTopics(first.bootstrapServers());
            topics.create("local-kept");
            topics.send("local-kept", "k1=before-restart");
        }
        assertThat(Files.exists(settings.dataDirectory().resolve("meta.properties"))).isTrue();

        try (LocalKafkaBroker second = LocalKafkaBroker.start(settings)) {
            assertThat(second.formattedStorage()).isFalse();
            StringTopics topics = new StringTopics(second.bootstrapServers());
            topics.send("local-kept", "k2=after-restart");
            assertThat(topics.read("local-kept", "read_committed", 2)).containsExactly("k1=before-restart", "k2=after-restart");
        }
    }

    @Test
    void takenClientPortIsReportedBeforeAnythingIsWritten() throws IOException {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getByName(LoopbackPorts.HOST))) {
            int taken = holder.getLocalPort();
            LocalBrokerSettings settings = new LocalBrokerSettings(taken, LoopbackPorts.freePort(), data.resolve("kafka"));

            assertThatThrownBy(() -> LocalKafkaBroker.start(settings))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + taken + " on 127.0.0.1 (Kafka broker) is already in use");
            assertThat(settings.dataDirectory()).doesNotExist();
        }
    }
}

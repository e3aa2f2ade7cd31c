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
import org.pharmamaturity.testing.RegistryHttp;

@Tag("integration")
class ApicurioRegistryTest {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Kept\",\"namespace\":\"embedded.test\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

    @TempDir
    Path temp;

    @Test
    void takenHttpPortIsReportedByNumber() throws IOException {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getByName(LoopbackPorts.HOST))) {
            int taken = holder.getLocalPort();
            ApicurioRegistry registry = new ApicurioRegistry(settings().withPorts(taken, 0));

            assertThatThrownBy(registry::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + taken + " on 127.0.0.1 (schema registry HTTP port) is already in use")
                    .extracting(e -> ((PortInUseException) e).port()).isEqualTo(taken);
            assertThat(registry.isRunning()).isFalse();
        }
    }

    @Test
    void missingDistributionSaysHowToGetIt() {
        Path empty = temp.resolve("no-registry-here");
        ApicurioRegistry registry = new ApicurioRegistry(settings().withDistribution(new ApicurioDistribution(empty)));

        assertThatThrownBy(registry::start)
                .isInstanceOf(EmbeddedStackException.class)
                .hasMessageContaining("Apicurio Registry 3.3.3 distribution not found: " + empty.resolve("quarkus-run.jar"))
                .hasMessageContaining("./mvnw -pl embedded generate-resources")
                .hasMessageContaining("-Dapicurio.home");
    }

    @Test
    void registryThatDiesDuringStartupIsReportedWithItsLog() throws IOException {
        Path broken = Files.createDirectories(temp.resolve("broken-registry"));
        Files.writeString(broken.resolve("quarkus-run.jar"), "not a jar");
        ApicurioRegistry registry = new ApicurioRegistry(settings()
                .withDistribution(new ApicurioDistribution(broken))
                .withLogFile(temp.resolve("broken.log")));

        assertThatThrownBy(registry::start)
                .isInstanceOf(EmbeddedStackException.class)
                .hasMessageContaining("Apicurio registry exited with code 1 before it was ready")
                .hasMessageContaining("Last lines of " + temp.resolve("broken.log"))
                .hasMessageContaining("Invalid or corrupt jarfile");
        assertThat(registry.isRunning()).isFalse();
    }

    @Test
    void fileStorageKeepsSchemasAcrossARestartAtTheSameUrl() throws Exception {
        ApicurioRegistry registry = new ApicurioRegistry(settings()
                .withStorage(RegistryStorage.file(temp.resolve("h2")))
                .withLogFile(Path.of("target", "apicurio-registry-restart-test.log").toAbsolutePath()));
        try {
            registry.start();
            String urlBefore = registry.url();
            int id = new RegistryHttp(urlBefore).register("embedded-kept-value", SCHEMA);

            registry.stop();
            assertThat(registry.isRunning()).isFalse();
            assertThatThrownBy(() -> new RegistryHttp(urlBefore).schemaById(id)).isInstanceOf(IOException.class);

            registry.start();
            assertThat(registry.url()).isEqualTo(urlBefore);
            assertThat(new RegistryHttp(registry.url()).schemaById(id)).isEqualTo(SCHEMA);
        } finally {
            registry.stop();
        }
    }

    private static RegistrySettings settings() {
        return RegistrySettings.forTests().withLogFile(Path.of("target", "apicurio-registry-failure-tests.log").toAbsolutePath());
    }
}

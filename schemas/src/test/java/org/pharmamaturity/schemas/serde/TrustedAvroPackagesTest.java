package org.pharmamaturity.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The deserializer reads generated classes without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}. Surefire sets
 * that property for every test JVM of the build, so the proof runs {@link TrustedPackagesProbe} in a fresh JVM
 * started without it; the probe first shows that plain Avro is refused there, so the test cannot pass by accident.
 */
@Tag("integration")
class TrustedAvroPackagesTest {

    @Test
    void deserializerReadsGeneratedClassesWithoutTheSystemProperty() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                TrustedPackagesProbe.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = readAll(probe);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();

        assertThat(output).contains(
                "property: absent",
                "plain avro: refused, SecurityException",
                "serde: read ENT-7 with 1 contradiction",
                "builder default: 0 sub-domain scores");
        assertThat(probe.exitValue()).as(output).isZero();
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

package org.pharmamaturity.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationProgressTest {

    private static final SimulationProgress PROGRESS = new SimulationProgress(42, 40,
            Instant.parse("2026-11-07T00:00:00Z"), Duration.ofMinutes(5), 123_456);

    @TempDir
    Path directory;

    @Test
    void whatIsWrittenIsReadBack() {
        Path file = directory.resolve("nested/simulator-progress.properties");

        PROGRESS.write(file);

        assertThat(SimulationProgress.read(file)).contains(PROGRESS);
        assertThat(file.resolveSibling("simulator-progress.properties.tmp")).doesNotExist();
    }

    @Test
    void noFileMeansNoProgress() {
        assertThat(SimulationProgress.read(directory.resolve("absent.properties"))).isEmpty();
    }

    @Test
    void theSameSimulationIsTheSameRecordsWhateverWasPublished() {
        assertThat(PROGRESS.sameSimulationAs(PROGRESS.publishedUpTo(0))).isTrue();
        assertThat(PROGRESS.sameSimulationAs(new SimulationProgress(43, 40, PROGRESS.start(), Duration.ofMinutes(5), 0)))
                .isFalse();
        assertThat(PROGRESS.sameSimulationAs(new SimulationProgress(42, 41, PROGRESS.start(), Duration.ofMinutes(5), 0)))
                .isFalse();
        assertThat(PROGRESS.sameSimulationAs(new SimulationProgress(42, 40, PROGRESS.start().plusSeconds(1),
                Duration.ofMinutes(5), 0))).isFalse();
        assertThat(PROGRESS.sameSimulationAs(new SimulationProgress(42, 40, PROGRESS.start(), Duration.ofMinutes(1), 0)))
                .isFalse();
    }

    @Test
    void aDamagedFileSaysHowToStartOver() throws Exception {
        Path file = Files.writeString(directory.resolve("progress.properties"), "seed=42\nenterprises=forty\n");

        assertThatThrownBy(() -> SimulationProgress.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is damaged").hasMessageEndingWith("delete it to start the simulation over.");
    }
}

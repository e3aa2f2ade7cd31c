package org.pharmamaturity.streams.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.ModelException;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelWriter;

/** Which models are in force and which of them scores which enterprise, from the three model settings. */
class ModelsInForceTest {

    @Test
    void withoutModelsPerTypeTheDefaultScoresEveryEnterprise() {
        ModelSetup setup = ModelsInForce.load(ModelLoader.REFERENCE_MODEL, "", " ");

        // the built-in models stay in force, so an assessment may still be scored with the model it names
        assertThat(setup.registry().versions()).containsExactly(ModelLoader.REFERENCE_MODEL, ModelLoader.PROCESS_MODEL,
                ModelLoader.DISCRETE_MODEL);
        assertThat(setup.defaultModel().modelVersion()).isEqualTo(ModelLoader.REFERENCE_MODEL);
        assertThat(setup.choice().versionFor(ManufacturingType.PROCESS)).isEqualTo(ModelLoader.REFERENCE_MODEL);
        // an enterprise ref.enterprise does not know (no type) takes the default
        assertThat(setup.choice().versionFor(null)).isEqualTo(ModelLoader.REFERENCE_MODEL);
    }

    @Test
    void theServiceDefaultsScoreEachTypeWithItsBuiltInModel() {
        ModelSetup setup = ModelsInForce.load(ModelLoader.REFERENCE_MODEL, ModelLoader.PROCESS_MODEL,
                ModelLoader.DISCRETE_MODEL);

        assertThat(setup.choice().versionFor(ManufacturingType.PROCESS)).isEqualTo("cmmm-process-v1");
        assertThat(setup.choice().versionFor(ManufacturingType.DISCRETE)).isEqualTo("cmmm-discrete-v1");
        assertThat(setup.choice().versionFor(ManufacturingType.MIXED)).isEqualTo("cmmm-2020-reference");
    }

    @Test
    void aModelFileForOneTypeIsInForceBesideTheBuiltInOnes(@TempDir Path dir) throws IOException {
        Path process = write(dir.resolve("process.json"), "cmmm-test-process", "");

        ModelSetup setup = ModelsInForce.load(ModelLoader.REFERENCE_MODEL, process.toString(), "");

        assertThat(setup.registry().versions()).containsExactly(ModelLoader.REFERENCE_MODEL, ModelLoader.PROCESS_MODEL,
                ModelLoader.DISCRETE_MODEL, "cmmm-test-process");
        assertThat(setup.choice().byType()).isEqualTo(Map.of(ManufacturingType.PROCESS, "cmmm-test-process",
                ManufacturingType.DISCRETE, ModelLoader.REFERENCE_MODEL));
    }

    @Test
    void twoDifferentModelsOfOneVersionAndAnUnknownSourceStopTheStart(@TempDir Path dir) throws IOException {
        Path one = write(dir.resolve("one.json"), "cmmm-test", "");
        Path other = write(dir.resolve("other.json"), "cmmm-test", "changed ");

        assertThatThrownBy(() -> ModelsInForce.load(ModelLoader.REFERENCE_MODEL, one.toString(), other.toString()))
                .isInstanceOf(ModelException.class).hasMessageContaining("'cmmm-test'")
                .hasMessageContaining("share this modelVersion but differ");
        assertThatThrownBy(() -> ModelsInForce.load(ModelLoader.REFERENCE_MODEL, "cmmm-process-v9", ""))
                .isInstanceOf(ModelException.class).hasMessageContaining("'cmmm-process-v9'");
    }

    /** The reference model under another version; {@code statementPrefix} changes its content. */
    private static Path write(Path file, String version, String statementPrefix) throws IOException {
        String json = ModelWriter.toJson(ModelLoader.reference())
                .replace("\"" + ModelLoader.REFERENCE_MODEL + "\"", "\"" + version + "\"")
                .replaceFirst("\"statement\" : \"", "\"statement\" : \"" + statementPrefix);
        return Files.writeString(file, json);
    }
}

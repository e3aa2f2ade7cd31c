package org.pharmamaturity.streams.maturity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pharmamaturity.evaluation.model.ManufacturingType;
import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelChoice;
import org.pharmamaturity.evaluation.model.ModelException;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.ModelWriter;

/**
 * The models the pipeline scores with: the default model (a file or a built-in name, setting
 * {@code maturity.model}), the models of the manufacturing types ({@code maturity.model.process},
 * {@code maturity.model.discrete}; empty for the default) and the built-in models, so an assessment can also be
 * scored with the model it names. A model file with the version of a built-in model replaces it.
 */
public final class ModelsInForce {

    private ModelsInForce() {
    }

    /**
     * The models in force and which scores which enterprise.
     *
     * @param defaultSource file path or built-in name of the default model
     * @param processSource the same for PROCESS enterprises; blank for the default
     * @param discreteSource the same for DISCRETE enterprises; blank for the default
     * @throws org.pharmamaturity.evaluation.model.ModelException when a source is neither a model file nor a
     *         built-in model, or two sources give different models the same version
     */
    public static ModelSetup load(String defaultSource, String processSource, String discreteSource) {
        MaturityModel defaultModel = ModelLoader.resolve(defaultSource);
        MaturityModel process = isBlank(processSource) ? defaultModel : ModelLoader.resolve(processSource);
        MaturityModel discrete = isBlank(discreteSource) ? defaultModel : ModelLoader.resolve(discreteSource);
        Map<String, MaturityModel> byVersion = new LinkedHashMap<>();
        for (String name : ModelLoader.BUILT_IN) {
            MaturityModel builtIn = ModelLoader.builtIn(name);
            byVersion.put(builtIn.modelVersion(), builtIn);
        }
        Map<String, MaturityModel> configured = new LinkedHashMap<>();
        for (MaturityModel model : List.of(defaultModel, process, discrete)) {
            MaturityModel other = configured.putIfAbsent(model.modelVersion(), model);
            if (other != null && !fingerprint(other).equals(fingerprint(model))) {
                throw new ModelException("'" + model.modelVersion() + "'", List.of("two configured models"
                        + " (maturity.model, maturity.model.process, maturity.model.discrete) share this"
                        + " modelVersion but differ; give each model file its own version"));
            }
        }
        byVersion.putAll(configured);
        return new ModelSetup(ModelRegistry.of(List.copyOf(byVersion.values())),
                new ModelChoice(Map.of(ManufacturingType.PROCESS, process.modelVersion(),
                        ManufacturingType.DISCRETE, discrete.modelVersion()), defaultModel.modelVersion()),
                defaultModel);
    }

    /**
     * A SHA-256 of the model's canonical JSON: two models with the same version but different content (a
     * corrected file) have different fingerprints, so results computed by the old content can be recomputed.
     */
    public static String fingerprint(MaturityModel model) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ModelWriter.toJson(model).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

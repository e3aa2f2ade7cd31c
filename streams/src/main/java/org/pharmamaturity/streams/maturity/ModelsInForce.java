package org.pharmamaturity.streams.maturity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.pharmamaturity.evaluation.model.MaturityModel;
import org.pharmamaturity.evaluation.model.ModelLoader;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.evaluation.model.ModelWriter;

/**
 * The models the pipeline scores with: the model in force (a file or a built-in name, from the settings) and
 * the built-in models, so an assessment is scored with the model it names. A model file with the version of a
 * built-in model replaces it.
 */
public final class ModelsInForce {

    private ModelsInForce() {
    }

    /** The models in force with {@code source} (file path or built-in name) as the model in force. */
    public static ModelRegistry load(String source) {
        MaturityModel inForce = ModelLoader.resolve(source);
        List<MaturityModel> models = new ArrayList<>();
        for (String name : ModelLoader.BUILT_IN) {
            MaturityModel builtIn = ModelLoader.builtIn(name);
            if (!builtIn.modelVersion().equals(inForce.modelVersion())) {
                models.add(builtIn);
            }
        }
        models.add(inForce);
        return ModelRegistry.of(models);
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
}

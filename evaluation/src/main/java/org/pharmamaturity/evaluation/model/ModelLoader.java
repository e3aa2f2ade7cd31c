package org.pharmamaturity.evaluation.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.pharmamaturity.evaluation.json.ResourceText;

/**
 * Where models come from: a file of the user's (for example the official catalogue) or a model built into
 * this jar under {@code /models/<name>.json}.
 */
public final class ModelLoader {

    /** The reference model shipped with the project (DESIGN.md section 5): equal placeholder weights. */
    public static final String REFERENCE_MODEL = "cmmm-2020-reference";

    /** The process-industry weights (流程型, pharma) of the evaluation domains, after a public summary. */
    public static final String PROCESS_MODEL = "cmmm-process-v1";

    /** The discrete-manufacturing weights (离散型, e.g. medical devices) of the evaluation domains. */
    public static final String DISCRETE_MODEL = "cmmm-discrete-v1";

    /** Every built-in model name. */
    public static final List<String> BUILT_IN = List.of(REFERENCE_MODEL, PROCESS_MODEL, DISCRETE_MODEL);

    private ModelLoader() {
    }

    /** The shipped reference model. */
    public static MaturityModel reference() {
        return builtIn(REFERENCE_MODEL);
    }

    /** A built-in model by name; {@link ModelException} when there is none of that name. */
    public static MaturityModel builtIn(String name) {
        return findBuiltIn(name).orElseThrow(() -> new ModelException("'" + name + "'",
                List.of("no built-in model of that name; built-in models: " + String.join(", ", BUILT_IN)
                        + ", or give the path of a model file")));
    }

    /** A built-in model by name, if there is one. */
    public static Optional<MaturityModel> findBuiltIn(String name) {
        if (!BUILT_IN.contains(name)) {
            return Optional.empty();
        }
        String resource = "/models/" + name + ".json";
        String json = ResourceText.read(resource).orElseThrow(() -> new ModelException(resource,
                List.of("resource missing from the classpath; rebuild the evaluation module")));
        return Optional.of(ModelReader.read(json, resource));
    }

    /** Reads and validates a model file. */
    public static MaturityModel load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException(file.toString(), "cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return ModelReader.read(json, file.toString());
    }

    /** A model file if {@code fileOrName} names an existing file, otherwise the built-in model of that name. */
    public static MaturityModel resolve(String fileOrName) {
        Path path = Path.of(fileOrName);
        if (Files.isRegularFile(path)) {
            return load(path);
        }
        return findBuiltIn(fileOrName).orElseThrow(() -> new ModelException("'" + fileOrName + "'",
                List.of("neither a model file nor a built-in model; built-in models: " + String.join(", ", BUILT_IN))));
    }
}

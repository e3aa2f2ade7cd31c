package org.pharmamaturity.evaluation.model;

import org.pharmamaturity.evaluation.json.Json;

/** Writes a model in the file shape {@link ModelReader} reads, so a written model reloads to an equal one. */
public final class ModelWriter {

    private ModelWriter() {
    }

    /** The model as pretty-printed JSON. */
    public static String toJson(MaturityModel model) {
        return Json.pretty(model);
    }
}

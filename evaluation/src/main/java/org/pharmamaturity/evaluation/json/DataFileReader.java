package org.pharmamaturity.evaluation.json;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one kind of reference-data file (tier conditions, scenario catalogue): checks it against its JSON Schema,
 * binds it to the file's record {@code F} and makes the validated data {@code T} of it. Every problem, of form or of
 * meaning, is reported in one {@link DataFileException} naming the file.
 */
public final class DataFileReader<F, T> {

    private final String what;
    private final String folder;
    private final JsonDocument<F> document;
    private final Function<F, T> data;

    /**
     * @param what the kind of file, as messages name it ("tier conditions")
     * @param folder the resource folder of the built-in files ("/tiers/")
     * @param schemaResource the JSON Schema of the files
     * @param fileType the record the file binds to
     * @param data the validated data of a bound file; throws {@link DataFileException} listing what is wrong
     */
    public DataFileReader(String what, String folder, String schemaResource, Class<F> fileType, Function<F, T> data) {
        this.what = what;
        this.folder = folder;
        this.document = JsonDocument.of(what, schemaResource, fileType);
        this.data = data;
    }

    /** The built-in file {@code name} ({@code <folder><name>.json}). */
    public T builtIn(String name) {
        String resource = folder + name + ".json";
        return read(ResourceText.require(resource, what), resource);
    }

    /** Reads and validates {@code json}; {@code source} names the file in messages. */
    public T read(String json, String source) {
        JsonNode root = Json.tree(json, problem -> new DataFileException(what, source, List.of(problem)));
        List<String> problems = document.problems(root);
        if (!problems.isEmpty()) {
            throw new DataFileException(what, source, problems);
        }
        try {
            return data.apply(document.bind(root));
        } catch (DataFileException e) {
            throw e.from(source);
        }
    }
}

package org.pharmamaturity.evaluation.json;

import java.util.List;

/**
 * A reference-data file (scenario catalogue, tier conditions, sector benchmarks) that cannot be used: unreadable,
 * not JSON, or failing validation. Lists every problem found, each with its place in the file.
 */
public class DataFileException extends ProblemsException {

    private final String what;

    public DataFileException(String what, String source, List<String> problems) {
        super(what + " " + source, "not usable", problems, "fix the file and load it again", null);
        this.what = what;
    }

    /** The same problems attributed to another source, e.g. the file the data was read from. */
    public DataFileException from(String source) {
        return new DataFileException(what, source, problems());
    }
}

package org.pharmamaturity.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Confluent's Python client as Debian packages it ({@code python3-confluent-kafka} with {@code python3-avro}, legacy
 * {@code confluent_kafka.avro} API), run with Debian's own {@code /usr/bin/python3}: a python3 earlier on the PATH
 * (pyenv, venv) does not see Debian's packages.
 */
public final class DebianPython {

    /** Debian's interpreter, the one that sees the Debian packages. */
    public static final String PYTHON = "/usr/bin/python3";
    private static final String INSTALL = "apt-get install -y --no-install-recommends python3-confluent-kafka"
            + " python3-avro python3-requests";

    private DebianPython() {
    }

    /**
     * Skips (laptop) or fails (CI) the test unless {@link #PYTHON} imports {@code modules} (comma-separated, as
     * in a Python {@code import} statement).
     */
    public static void require(String modules) {
        boolean importable = Files.isExecutable(Path.of(PYTHON))
                && ExternalTools.succeeds(List.of(PYTHON, "-c", "import " + modules));
        ExternalTools.require(importable, PYTHON + " with " + modules + " (Debian packages)", INSTALL);
    }
}

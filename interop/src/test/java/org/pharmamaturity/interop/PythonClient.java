package org.pharmamaturity.interop;

import org.pharmamaturity.embedded.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Confluent's Python client as Debian packages it ({@code python3-confluent-kafka} with {@code python3-avro},
 * legacy {@code confluent_kafka.avro} API), run with Debian's own {@code /usr/bin/python3}: a python3 earlier on
 * the PATH (pyenv, venv) does not see Debian's packages.
 */
final class PythonClient implements ExternalClient {

    private static final Path SCRIPTS = Path.of("src", "test", "python").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3";
    private static final String INSTALL = "apt-get install -y --no-install-recommends python3-confluent-kafka"
            + " python3-avro python3-requests";

    @Override
    public String name() {
        return "python";
    }

    @Override
    public void requireInstalled() {
        boolean importable = Files.isExecutable(Path.of(PYTHON)) && ExternalTools.succeeds(List.of(PYTHON, "-c",
                "import confluent_kafka.avro, avro.schema, requests"));
        ExternalTools.require(importable,
                PYTHON + " with confluent_kafka.avro, avro and requests (Debian packages)", INSTALL);
    }

    @Override
    public List<String> consume(String bootstrapServers, String registryUrl, String topic, int count) {
        return ScriptRunner.run(SCRIPTS, List.of(PYTHON, "consume.py", "--bootstrap", bootstrapServers,
                "--registry", registryUrl, "--topic", topic, "--count", String.valueOf(count)));
    }

    @Override
    public void produce(String bootstrapServers, String registryUrl, String topic, Path schemaFile, Path recordsFile) {
        ScriptRunner.run(SCRIPTS, List.of(PYTHON, "produce.py", "--bootstrap", bootstrapServers, "--registry", registryUrl,
                "--topic", topic, "--schema", schemaFile.toString(), "--records", recordsFile.toString()));
    }
}

package org.pharmamaturity.interop;

import static org.pharmamaturity.testing.DebianPython.PYTHON;

import java.nio.file.Path;
import java.util.List;
import org.pharmamaturity.testing.DebianPython;
import org.pharmamaturity.testing.ScriptRunner;

/** Confluent's Python client as Debian packages it (see {@link DebianPython}), driving this module's scripts. */
final class PythonClient implements ExternalClient {

    private static final Path SCRIPTS = Path.of("src", "test", "python").toAbsolutePath();

    @Override
    public String name() {
        return "python";
    }

    @Override
    public void requireInstalled() {
        DebianPython.require("confluent_kafka.avro, avro.schema, requests");
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

package org.pharmamaturity.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pharmamaturity.testing.ExternalTools;
import org.pharmamaturity.testing.ScriptRunner;

/**
 * Confluent's official JavaScript serdes ({@code @confluentinc/schemaregistry}) with kafkajs, as pinned in
 * {@code src/test/js/package-lock.json}, run with the {@code node} on the PATH.
 */
final class JavaScriptClient implements ExternalClient {

    private static final Path SCRIPTS = Path.of("src", "test", "js").toAbsolutePath();
    private static final String INSTALL = "cd interop/src/test/js && npm ci   (needs node 18+ and npm)";

    @Override
    public String name() {
        return "js";
    }

    @Override
    public void requireInstalled() {
        boolean nodeModules = Files.isDirectory(SCRIPTS.resolve("node_modules/@confluentinc/schemaregistry"))
                && Files.isDirectory(SCRIPTS.resolve("node_modules/kafkajs"));
        ExternalTools.require(nodeModules && ExternalTools.onPath("node"),
                "node and the npm packages of " + SCRIPTS + " (@confluentinc/schemaregistry, kafkajs)", INSTALL);
    }

    @Override
    public List<String> consume(String bootstrapServers, String registryUrl, String topic, int count) {
        return ScriptRunner.run(SCRIPTS, List.of("node", "consume.js", "--bootstrap", bootstrapServers,
                "--registry", registryUrl, "--topic", topic, "--count", String.valueOf(count)));
    }

    @Override
    public void produce(String bootstrapServers, String registryUrl, String topic, Path schemaFile, Path recordsFile) {
        ScriptRunner.run(SCRIPTS, List.of("node", "produce.js", "--bootstrap", bootstrapServers, "--registry", registryUrl,
                "--topic", topic, "--schema", schemaFile.toString(), "--records", recordsFile.toString()));
    }
}

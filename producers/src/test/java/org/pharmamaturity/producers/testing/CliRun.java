package org.pharmamaturity.producers.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.pharmamaturity.producers.ProducersCli;
import org.pharmamaturity.testing.EmbeddedStack;
import picocli.CommandLine;

/** Runs the CLI in this JVM against the embedded stack and keeps its exit code and picocli's error output. */
public record CliRun(int exitCode, String errors) {

    /** {@code producers <args> --bootstrap-servers ... --schema-registry-url ...}. */
    public static CliRun against(EmbeddedStack stack, String... args) {
        return against(stack.bootstrapServers(), stack.registryUrl(), args);
    }

    /** {@code producers <args> --bootstrap-servers <bootstrapServers> --schema-registry-url <registryUrl>}. */
    public static CliRun against(String bootstrapServers, String registryUrl, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--bootstrap-servers=" + bootstrapServers);
        all.add(2, "--schema-registry-url=" + registryUrl);
        StringWriter errors = new StringWriter();
        CommandLine commandLine = ProducersCli.commandLine().setErr(new PrintWriter(errors, true));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new CliRun(exitCode, errors.toString());
    }
}

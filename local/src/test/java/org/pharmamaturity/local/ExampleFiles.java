package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pharmamaturity.producers.ProducersCli;

/** The README's example files of {@code producers/examples}, ingested with the producers CLI as a user does. */
final class ExampleFiles {

    private static final Path EXAMPLES = Path.of("..", "producers", "examples");

    private ExampleFiles() {
    }

    /** Runs {@code ingest <kind> <files>} against the stack with {@code options}, and asserts it succeeded. */
    static void ingest(LocalStack stack, List<String> options, String kind, String... files) {
        List<String> args = new ArrayList<>(List.of("ingest", kind,
                "--bootstrap-servers=" + stack.bootstrapServers(), "--schema-registry-url=" + stack.registryUrl()));
        args.addAll(options);
        for (String file : files) {
            args.add(EXAMPLES.resolve(file).toString());
        }
        assertThat(ProducersCli.commandLine().execute(args.toArray(String[]::new))).as("ingest " + kind).isZero();
    }
}

package org.pharmamaturity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-local} answers {@code --help} and a taken port itself, before it builds anything: the build's first
 * console line, "run-local: building ...", never appears.
 */
@Tag("integration")
class RunLocalScriptTest {

    /** Surefire runs in the module folder, local/; the script is at the repository root. */
    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("run-local");
    private static final Pattern OPTION = Pattern.compile("--([a-z][a-z-]+)");
    private static final String BUILDING = "run-local: building";

    @Test
    void helpListsEveryOptionOfTheLocalStackWithoutBuilding() throws Exception {
        Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("usage: run-local").doesNotContain(BUILDING);
        // The script's text and LocalStackSettings.USAGE name the same options; the script adds its own --help.
        Set<String> expected = options(LocalStackSettings.USAGE);
        expected.add("help");
        assertThat(options(result.stdout())).isEqualTo(expected);
    }

    @Test
    void aTakenPortIsNamedBeforeTheBuild() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            Result result = run("--kafka-port=" + port);

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("run-local: Port " + port + " on 127.0.0.1 (Kafka broker) is already"
                    + " in use: stop the process that holds it (find it with `ss -ltnp 'sport = :" + port + "'`) or"
                    + " configure another port.\n");
            assertThat(result.stdout()).doesNotContain(BUILDING);
        }
    }

    private static Set<String> options(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = OPTION.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("run-local ended").isTrue();
        return new Result(process.exitValue(), stdout, stderr);
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}

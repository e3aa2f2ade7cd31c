package org.pharmamaturity.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need a program outside Maven (node, Confluent's Python client, promtool, prometheus,
 * docker-compose): probes whether it is installed and decides what its absence means. On a laptop the test is
 * skipped with a loud reason and the install command; in CI ({@code CI=true}) it fails, because there it must run.
 */
public final class ExternalTools {

    /** Read once: CI services (GitHub Actions, GitLab, .ci/run) set CI=true. */
    private static final boolean IN_CI = "true".equalsIgnoreCase(System.getenv("CI"));

    private ExternalTools() {
    }

    /** Skips (laptop) or fails (CI) unless {@code installed}, naming what is missing and how to install it. */
    public static void require(boolean installed, String missing, String installCommand) {
        if (installed) {
            return;
        }
        String message = "This test needs " + missing + ". Install it with: " + installCommand;
        if (IN_CI) {
            fail(message + " (CI=true: it must run in CI, so this is a failure, not a skip)");
        }
        System.err.println("SKIPPING: " + message);
        Assumptions.abort(message);
    }

    /** Requires the program {@code name} on the PATH (it must answer {@code --version}). */
    public static void requireProgram(String name, String installCommand) {
        require(onPath(name), "'" + name + "' on the PATH", installCommand);
    }

    /** True when {@code name} runs (found on the PATH) and answers {@code --version}. */
    public static boolean onPath(String name) {
        return succeeds(List.of(name, "--version"));
    }

    /** True when the command runs and exits with status 0 within a minute. */
    public static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

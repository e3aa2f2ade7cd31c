package org.pharmamaturity.dashboards;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a missing external tool (node, promtool, prometheus, docker-compose) means: on a laptop the test is
 * skipped with a loud reason and the install command; in CI ({@code CI=true}) it fails, because there it must run.
 */
final class ToolPrerequisites {

    /** Read once: CI services (GitHub Actions, GitLab, .ci/run) set CI=true. */
    private static final boolean IN_CI = "true".equalsIgnoreCase(System.getenv("CI"));

    private ToolPrerequisites() {
    }

    /** Skips (laptop) or fails (CI) unless {@code installed}, with a message naming what is missing and how to install it. */
    static void require(boolean installed, String missing, String installCommand) {
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
    static void requireProgram(String name, String installCommand) {
        require(answersVersion(name), "'" + name + "' on the PATH", installCommand);
    }

    private static boolean answersVersion(String name) {
        try {
            Process process = new ProcessBuilder(name, "--version").redirectErrorStream(true)
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

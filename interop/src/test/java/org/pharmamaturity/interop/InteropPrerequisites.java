package org.pharmamaturity.interop;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a missing external client means: on a laptop the interop tests are skipped with a loud reason and
 * the install command; in CI ({@code CI=true}) they fail, because there they must run.
 */
final class InteropPrerequisites {

    /** Read once: CI services (GitHub Actions, GitLab, .ci/run) set CI=true. */
    private static final boolean IN_CI = "true".equalsIgnoreCase(System.getenv("CI"));

    private InteropPrerequisites() {
    }

    /** Skips (laptop) or fails (CI) unless {@code installed}, with a message naming what is missing and how to install it. */
    static void require(boolean installed, String missing, String installCommand) {
        String message = "Interop test needs " + missing + ". Install it with: " + installCommand;
        if (installed) {
            return;
        }
        if (IN_CI) {
            fail(message + " (CI=true: interop tests must run in CI, so this is a failure, not a skip)");
        }
        System.err.println("SKIPPING: " + message);
        Assumptions.abort(message);
    }
}

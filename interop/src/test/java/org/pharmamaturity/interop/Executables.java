package org.pharmamaturity.interop;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Probes whether an external program is installed. */
final class Executables {

    private Executables() {
    }

    /** True when {@code name} runs (found on the PATH) and answers {@code --version}. */
    static boolean onPath(String name) {
        return succeeds(List.of(name, "--version"));
    }

    /** True when the command runs and exits with status 0 within a minute. */
    static boolean succeeds(List<String> command) {
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

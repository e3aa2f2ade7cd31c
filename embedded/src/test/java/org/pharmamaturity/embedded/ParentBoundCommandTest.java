package org.pharmamaturity.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ParentBoundCommandTest {

    /** A bound on waiting, not a timing assertion: each of these processes exits within milliseconds. */
    private static final long WAIT_SECONDS = 30;

    @Test
    void commandExitStatusIsPassedThrough() throws Exception {
        Process process = new ProcessBuilder(ParentBoundCommand.wrap(List.of("/bin/sh", "-c", "exit 7"))).start();

        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(7);
    }

    @Test
    void commandIsStoppedWhenTheParentSideOfThePipeCloses() throws Exception {
        Process process = new ProcessBuilder(ParentBoundCommand.wrap(List.of("sleep", "300"))).start();
        List<ProcessHandle> children = awaitDescendants(process);

        // Closing our end of the pipe is what the operating system does when this JVM dies.
        process.getOutputStream().close();

        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        children.forEach(child -> child.onExit().join());
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aCommandThatIgnoresSigtermIsKilledWhenTheParentSideOfThePipeCloses() throws Exception {
        // Like the simulator whose shutdown waits 30 s for a broker that died with the local run.
        Process process = new ProcessBuilder(ParentBoundCommand.wrap(List.of("/bin/sh", "-c",
                "trap '' TERM; while :; do sleep 1; done"))).start();
        List<ProcessHandle> children = awaitDescendants(process);

        process.getOutputStream().close();

        // Before the watcher followed up with SIGKILL, the command ignored the SIGTERM and never ended.
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(128 + 9); // killed by SIGKILL (9)
        assertThat(children).allSatisfy(child -> assertThat(child.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS)
                .isAlive()).isFalse());
    }

    @Test
    void processTreeDestroyStopsTheCommandAndTheWrapper() throws Exception {
        Process process = new ProcessBuilder(ParentBoundCommand.wrap(List.of("sleep", "300"))).start();
        List<ProcessHandle> children = awaitDescendants(process);

        ProcessTree.destroy(process.toHandle(), Duration.ofSeconds(WAIT_SECONDS));

        assertThat(process.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    /** The wrapper's children (the command and the watcher) once the shell has started them. */
    private static List<ProcessHandle> awaitDescendants(Process process) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            List<ProcessHandle> descendants = process.descendants().toList();
            if (descendants.stream().anyMatch(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))) {
                return descendants;
            }
            Thread.sleep(100);
        }
        throw new IOException("the wrapped sleep never started under pid " + process.pid());
    }
}
